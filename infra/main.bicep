// Pipeline: a secure Azure Functions Flex Consumption deployment.
//
// Everything the app needs is declared here, directly (no registry modules): storage with shared keys
// off, a user-assigned identity with the least roles it needs, the Flex Consumption plan and app,
// Log Analytics + Application Insights with local auth off, and the Event Grid system topic the blob
// trigger listens through. The topic's subscription is created by infra/hooks/postdeploy.sh, because
// the webhook needs the blobs_extension system key, which exists only once the app code has started.
//
// Who may see and do what (docs/contract.md section 10): published figures are public, so App Service
// Authentication, when on, signs people in but lets every request through; the app answers 401/403 itself
// from the principal the platform passes it. Partners' Entra groups may drop returns straight into the
// uploads container, each only under its datasets' folders (partnerGroups). The app roles people are given
// are declared in infra/app-roles.json, which the postdeploy hook applies to the app registration.
//
// Deploy with `azd up`, or `az deployment group create -g <rg> -f infra/main.bicep -p environmentName=<env>`.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd sets it from AZURE_ENV_NAME); seeds resource names and tags.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. The region must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('NCRONTAB schedule of the annual comparison recalculation (app setting RecalcSchedule), in UTC.')
param recalcSchedule string = '0 0 2 * * *'

@description('NCRONTAB schedule of the sweep that processes uploads whose event never came (app setting SweepSchedule), in UTC.')
param sweepSchedule string = '0 */10 * * * *'

@minValue(1)
@description('Largest upload, in bytes, the validator reads (Pipeline:Validation:MaxFileBytes).')
param maxFileBytes int = 10485760

@minValue(1)
@description('Errors reported before a validation report is truncated (Pipeline:Validation:MaxErrors).')
param maxErrors int = 100

@minValue(1)
@description('Largest figure a return may carry in a count column (Pipeline:Validation:MaxValue).')
param maxFigure int = 1000000

@minValue(0)
@description('Seconds the summary endpoint caches its response (Pipeline:Summary:CacheSeconds).')
param summaryCacheSeconds int = 60

@minValue(1)
@maxValue(1000)
@description('Most instances the Flex Consumption plan may scale the app out to.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance, in MB.')
param instanceMemoryMB int = 2048

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
@description('Replication of the storage account that holds the uploads and the figures.')
param storageSku string = 'Standard_LRS'

@minValue(1)
@maxValue(365)
@description('Days a deleted or overwritten blob (and a deleted container) can still be restored.')
param blobRetentionDays int = 30

@minValue(30)
@maxValue(730)
@description('Days Log Analytics keeps the app\'s logs and telemetry.')
param logRetentionDays int = 30

@description('Put a CanNotDelete lock on the storage account, so that deleting it (or the resource group) fails until the lock is removed. Turn on for production; it also makes `azd down` fail.')
param lockStorageAccount bool = false

@description('Turn on Entra ID sign-in (App Service Authentication) with the app registration entraClientId. Every request still reaches the app, signed in or not: public pages and figures stay open, and the app refuses the partner page and the upload routes to a caller without the app role they need. Off, nobody can sign in, so only the public routes, storage drops and the CLI work.')
param enableEntraAuthentication bool = false

@description('Client id of the Entra ID app registration people sign in through and whose app roles (infra/app-roles.json) they are given. Needed when enableEntraAuthentication is true.')
param entraClientId string = ''

@description('The Entra ID tenant whose people may sign in.')
param entraTenantId string = tenant().tenantId

@description('Partners\' Entra ID groups that may drop returns straight into the uploads container, by dataset id: { \'violence-admissions\': [ \'<group object id>\' ] }. Each group may create and overwrite blobs only under its datasets\' folders (uploads/<dataset id>/), and may not read, list or delete any. The default dataset\'s folder is serious-youth-violence/. Keys must be dataset ids as written in datasets/*.json.')
param partnerGroups object = {}

// ---------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'pipeline'
}

var storageAccountName = 'st${resourceToken}'
var identityName = 'id-pipeline-${resourceToken}'
var planName = 'plan-pipeline-${resourceToken}'
var functionAppName = 'func-pipeline-${resourceToken}'
var logAnalyticsName = 'log-pipeline-${resourceToken}'
var appInsightsName = 'appi-pipeline-${resourceToken}'
var systemTopicName = 'evgt-pipeline-${resourceToken}'

// The containers and tables the app reads from its Pipeline:Storage settings.
var uploadsContainerName = 'uploads'
var acceptedContainerName = 'accepted'
var rejectedContainerName = 'rejected'
var documentsContainerName = 'documents'
var deploymentContainerName = 'app-package'
var deadLetterContainerName = 'eventgrid-deadletter'
var acceptedQuartersTableName = 'AcceptedQuarters'
var ledgerTableName = 'UploadLedger'
var comparisonsTableName = 'Comparisons'

// Built-in role definition ids (the same in every tenant).
var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
var storageQueueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher

// The datasets the app ships: infra/app-roles.json has an enabled Submit.<id> role for each definition in datasets/
// (a test holds the two together), so a partner group can be granted only a folder the app reads as that dataset.
var datasetIds = map(
  filter(loadJsonContent('app-roles.json'), role => role.isEnabled && startsWith(role.value, 'Submit.')),
  role => substring(role.value, length('Submit.'))
)

// partnerGroups, checked, then turned round: one grant per group, with the folders of all its datasets. Azure refuses a
// second assignment of a role to the same principal at the same scope (RoleAssignmentExists), so a group that sends two
// datasets gets one assignment covering both folders.
var partnerDatasets = map(items(partnerGroups), dataset => {
  folder: contains(datasetIds, dataset.key)
    ? '${dataset.key}/'
    : fail('partnerGroups: \'${dataset.key}\' is not a dataset id. Use one of: ${join(datasetIds, ', ')}')
  groupIds: map(dataset.value, groupId => toLower(groupId))
})
var partnerGroupIds = union(flatten(map(partnerDatasets, dataset => dataset.groupIds)), [])

// The role assignment condition (Azure ABAC, version 2.0) of a partner group. Storage Blob Data Contributor carries five
// data actions; each is constrained here, since an action a condition does not name is granted without it:
// - write and add/action (create, overwrite, append) only in the uploads container and under the group's folders;
// - read (which includes listing), delete and move/action (rename) never: the assignment's scope is the uploads
//   container, whose name is never another. A partner cannot read or remove another partner's return, even one of the
//   same dataset, nor see what waits to be published. It can overwrite a blob of the same name in its folders, which
//   the app then processes as a new upload; versioning keeps the bytes it replaced.
var blobsAction = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs'
var containerNameAttribute = '@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name]'
var blobPathAttribute = '@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path]'
var writeActions = '!(ActionMatches{\'${blobsAction}/write\'}) AND !(ActionMatches{\'${blobsAction}/add/action\'})'
var readDeleteMoveActions = '!(ActionMatches{\'${blobsAction}/read\'}) AND !(ActionMatches{\'${blobsAction}/delete\'}) AND !(ActionMatches{\'${blobsAction}/move/action\'})'
var partnerGrants = map(partnerGroupIds, groupId => {
  groupId: groupId
  folders: map(filter(partnerDatasets, dataset => contains(dataset.groupIds, groupId)), dataset => dataset.folder)
})

// ---------------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: identityName
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------------
// Storage: uploads, outcomes, figures, the Functions host's own state and the deployment package
// ---------------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
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
  name: uploadsContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource acceptedContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: acceptedContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource rejectedContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: rejectedContainerName
  properties: {
    publicAccess: 'None'
  }
}

// A quarter's figures and the summary documents, each written once and pointed to by a table entity.
resource documentsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: documentsContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Events Event Grid could not deliver after its retries (the subscription's dead-letter destination).
resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deadLetterContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
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
                '${deploymentContainerName}/'
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
  name: acceptedQuartersTableName
}

resource ledgerTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = {
  parent: tableService
  name: ledgerTableName
}

resource comparisonsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = {
  parent: tableService
  name: comparisonsTableName
}

resource storageLock 'Microsoft.Authorization/locks@2020-05-01' = if (lockStorageAccount) {
  name: 'do-not-delete-uploads'
  scope: storage
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds every uploaded return and the accepted figures. Remove the lock deliberately before deleting.'
  }
}

// ---------------------------------------------------------------------------------------------------
// Role assignments: the app's identity, and nothing broader than the resource it needs
// ---------------------------------------------------------------------------------------------------

// Storage Blob Data Owner: the Functions host (blob trigger receipts, leases) and the app (read uploads,
// write accepted/rejected/reports and documents, delete from uploads), plus the Flex deployment package.
resource blobDataOwnerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataOwnerRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwnerRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor: the blob trigger's poison queue and the host's internal queues.
resource queueDataContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageQueueDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Table Data Contributor: accepted quarters, the upload ledger and the comparisons.
resource tableDataContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Monitoring Metrics Publisher: telemetry ingestion with Microsoft Entra auth (local auth is off).
resource metricsPublisherAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage drops: Storage Blob Data Contributor on the uploads container for each partner group, with the condition above
// (partnerGroups). Without the condition the role would let a partner read, overwrite and delete every upload.
resource partnerUploadAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for grant in partnerGrants: {
    name: guid(uploadsContainer.id, grant.groupId, storageBlobDataContributorRoleId)
    scope: uploadsContainer
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
      principalId: grant.groupId
      principalType: 'Group'
      description: 'Pipeline storage drop: create and overwrite returns under ${join(grant.folders, ', ')} in ${uploadsContainerName}; no reading, listing or deleting.'
      conditionVersion: '2.0'
      condition: '((${writeActions}) OR (${containerNameAttribute} StringEquals \'${uploadsContainerName}\' AND (${join(map(grant.folders, folder => '${blobPathAttribute} StringStartsWith \'${folder}\''), ' OR ')}))) AND ((${readDeleteMoveActions}) OR (${containerNameAttribute} StringNotEquals \'${uploadsContainerName}\'))'
    }
  }
]

// ---------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true // ingestion only with a Microsoft Entra token (the app's identity)
  }
}

// ---------------------------------------------------------------------------------------------------
// Flex Consumption plan and function app
// ---------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: functionAppName
  location: location
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Host storage, identity-based: no connection string, no account key anywhere.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identity.properties.clientId
        }
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: storage.properties.primaryEndpoints.table
        }
        // Telemetry with Microsoft Entra auth through the same identity (App Insights local auth is off).
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identity.properties.clientId};Authorization=AAD'
        }
        // The app's own settings.
        {
          name: 'RecalcSchedule'
          value: recalcSchedule
        }
        {
          name: 'SweepSchedule'
          value: sweepSchedule
        }
        {
          name: 'UploadsContainer'
          value: uploadsContainerName
        }
        {
          name: 'Pipeline__Storage__AcceptedContainer'
          value: acceptedContainerName
        }
        {
          name: 'Pipeline__Storage__RejectedContainer'
          value: rejectedContainerName
        }
        {
          name: 'Pipeline__Storage__DocumentsContainer'
          value: documentsContainerName
        }
        {
          name: 'Pipeline__Storage__AcceptedQuartersTable'
          value: acceptedQuartersTableName
        }
        {
          name: 'Pipeline__Storage__LedgerTable'
          value: ledgerTableName
        }
        {
          name: 'Pipeline__Storage__ComparisonsTable'
          value: comparisonsTableName
        }
        {
          name: 'Pipeline__Validation__MaxFileBytes'
          value: string(maxFileBytes)
        }
        {
          name: 'Pipeline__Validation__MaxErrors'
          value: string(maxErrors)
        }
        {
          name: 'Pipeline__Validation__MaxValue'
          value: string(maxFigure)
        }
        {
          name: 'Pipeline__Summary__CacheSeconds'
          value: string(summaryCacheSeconds)
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  // The host must be able to reach its storage and telemetry the moment it first starts.
  dependsOn: [
    blobDataOwnerAssignment
    queueDataContributorAssignment
    tableDataContributorAssignment
    metricsPublisherAssignment
    deploymentContainer
  ]
}

resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// Entra ID sign-in (App Service Authentication), when asked for. It does not stand in front of the app: published
// figures are public, so unauthenticated requests are let through (AllowAnonymous) and the app itself answers 401 or 403
// on the partner page and the upload routes. A browser signs in at /.auth/login/aad (the app links there); a program
// presents a bearer token for the registration. Either way the platform passes the principal, with its app roles, in the
// X-MS-CLIENT-PRINCIPAL header, and removes any such header a client sent.
resource authSettings 'Microsoft.Web/sites/config@2024-11-01' = if (enableEntraAuthentication) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
      redirectToProvider: 'azureactivedirectory'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: empty(entraClientId)
            ? fail('enableEntraAuthentication is true but entraClientId is empty: give the client id of the Entra ID app registration people sign in through')
            : entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${entraClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Event Grid: BlobCreated events of the storage account. The subscription (filtered to uploads,
// delivered to the blobs extension webhook) is made by infra/hooks/postdeploy.sh after the code is up.
// ---------------------------------------------------------------------------------------------------

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
  name: guid(deadLetterContainer.id, systemTopic.id, storageBlobDataContributorRoleId)
  scope: deadLetterContainer
  properties: {
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
  }
}

// Alerts (attach an action group in the portal to be told): a function that fails repeatedly, and an upload whose
// blob trigger failed five times and went to the poison queue (always infrastructure here: bad data is a rejection).
resource failuresAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-function-failures-${resourceToken}'
  location: location
  tags: tags
  properties: {
    displayName: 'Pipeline: a function fails repeatedly'
    description: 'Three or more failed function invocations within 15 minutes.'
    severity: 2
    enabled: true
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    scopes: [
      appInsights.id
    ]
    criteria: {
      allOf: [
        {
          query: 'requests | where success == false'
          timeAggregation: 'Count'
          operator: 'GreaterThanOrEqual'
          threshold: 3
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
  }
}

resource poisonAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-poison-upload-${resourceToken}'
  location: location
  tags: tags
  properties: {
    displayName: 'Pipeline: an upload went to the poison queue'
    description: 'The blob trigger gave up on an upload after five tries; it is still in uploads. See docs/troubleshooting.md.'
    severity: 1
    enabled: true
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    scopes: [
      appInsights.id
    ]
    criteria: {
      allOf: [
        {
          query: 'traces | where message has "poison"'
          timeAggregation: 'Count'
          operator: 'GreaterThanOrEqual'
          threshold: 1
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Outputs (azd stores them in the environment; the postdeploy hook reads them)
// ---------------------------------------------------------------------------------------------------

@description('Name of the function app.')
output AZURE_FUNCTION_APP_NAME string = functionApp.name

@description('URL of the summary endpoint, open to anyone like every route that shows published figures.')
output SUMMARY_URL string = 'https://${functionApp.properties.defaultHostName}/api/summary'

@description('Name of the storage account holding uploads, outcomes and figures.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name

@description('Container partners upload their returns to.')
output UPLOADS_CONTAINER_NAME string = uploadsContainerName

@description('Event Grid system topic of the storage account; the postdeploy hook subscribes to it.')
output EVENT_GRID_SYSTEM_TOPIC_NAME string = systemTopic.name

@description('Resource id of the container Event Grid dead-letters undeliverable upload events to.')
output DEAD_LETTER_CONTAINER_ID string = deadLetterContainer.id

@description('Resource group everything was deployed to.')
output AZURE_RESOURCE_GROUP string = resourceGroup().name

@description('Client id of the app\'s user-assigned identity.')
output AZURE_CLIENT_ID string = identity.properties.clientId

@description('Client id of the Entra ID app registration people sign in through; empty when sign-in is off. The postdeploy hook applies infra/app-roles.json to it.')
output ENTRA_SIGN_IN_CLIENT_ID string = enableEntraAuthentication ? entraClientId : ''
