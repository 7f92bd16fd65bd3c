// Storage: uploads, outcomes, figures, the Functions host's own state and the deployment package.
// Shared keys are off: every caller, the app included, uses Microsoft Entra ID.

@description('Azure region of the storage account.')
param location string

@description('Tags of the storage account.')
param tags object

@description('Names of the storage account (account), its containers (uploadsContainer, acceptedContainer, rejectedContainer, documentsContainer, deploymentContainer, deadLetterContainer) and its tables (acceptedQuartersTable, ledgerTable, comparisonsTable, releasesTable); main.bicep\'s layout.')
param layout object

@description('Replication of the storage account.')
param sku string

@description('Days a deleted or overwritten blob (and a deleted container) can still be restored.')
param blobRetentionDays int

@description('Put a CanNotDelete lock on the storage account.')
param lockStorageAccount bool

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: layout.account
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false // every caller uses Microsoft Entra ID; no account keys, no account SAS
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled' // partners upload over the internet; access is governed by RBAC
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    // No uploaded byte is lost even to an operator's mistake: a deleted or overwritten blob keeps
    // a restorable version, a deleted blob or container stays soft-deleted for blobRetentionDays.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: blobRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: blobRetentionDays
    }
  }
}

resource uploadsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: layout.uploadsContainer
  properties: {
    publicAccess: 'None'
  }
}

resource acceptedContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: layout.acceptedContainer
  properties: {
    publicAccess: 'None'
  }
}

resource rejectedContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: layout.rejectedContainer
  properties: {
    publicAccess: 'None'
  }
}

// A quarter's figures and the summary documents, each written once and pointed to by a table entity.
resource documentsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: layout.documentsContainer
  properties: {
    publicAccess: 'None'
  }
}

// Events Event Grid could not deliver after its retries (the subscription's dead-letter destination).
resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: layout.deadLetterContainer
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: layout.deploymentContainer
  properties: {
    publicAccess: 'None'
  }
}

// Every deployment overwrites the package; with versioning on, the old packages would pile up.
// Only the deployment container is pruned: nothing touches the versions of uploaded data.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'prune-old-deployment-packages'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${layout.deploymentContainer}/'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: 7
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    blobService
  ]
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource acceptedQuartersTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = {
  parent: tableService
  name: layout.acceptedQuartersTable
}

resource ledgerTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = {
  parent: tableService
  name: layout.ledgerTable
}

resource comparisonsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = {
  parent: tableService
  name: layout.comparisonsTable
}

resource releasesTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = {
  parent: tableService
  name: layout.releasesTable
}

resource storageLock 'Microsoft.Authorization/locks@2020-05-01' = if (lockStorageAccount) {
  name: 'do-not-delete-uploads'
  scope: storage
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds every uploaded return and the accepted figures. Remove the lock deliberately before deleting.'
  }
}
