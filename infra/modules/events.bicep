// Event Grid: the system topic of the storage account's BlobCreated events. The subscription (filtered to uploads,
// delivered to the blobs extension webhook) is made by infra/hooks/postdeploy.sh after the code is up.

@description('Azure region of the system topic.')
param location string

@description('Tags of the system topic.')
param tags object

@description('Name of the Event Grid system topic.')
param systemTopicName string

@description('Name of the storage account whose events the topic carries.')
param storageAccountName string

@description('Name of the container the topic writes undeliverable events to.')
param deadLetterContainerName string

// Built-in role definition id (the same in every tenant).
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned' // writes undeliverable events to the dead-letter container, with no key
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Storage Blob Data Contributor for the topic, on the dead-letter container only.
resource deadLetterWriterAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetterContainer.id, systemTopic.id, storageBlobDataContributorRoleId)
  scope: storage::blobService::deadLetterContainer
  properties: {
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
  }
}
