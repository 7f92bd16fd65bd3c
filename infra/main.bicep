// Pipeline: a secure Azure Functions Flex Consumption deployment.
//
// Everything the app needs is declared here and in the local modules beside it (infra/modules/, no registry modules):
// storage with shared keys off, a user-assigned identity with the least roles it needs, the Flex Consumption plan and
// app, Log Analytics + Application Insights with local auth off, and the Event Grid system topic the blob trigger
// listens through. The topic's subscription is created by infra/hooks/postdeploy.sh, because the webhook needs the
// blobs_extension system key, which exists only once the app code has started.
//
// This file holds the parameters, the names, the identity and the outputs; each module declares one part:
//   modules/storage.bicep        account, containers, tables, lifecycle rule, optional lock
//   modules/monitoring.bicep     Log Analytics, Application Insights, alert rules
//   modules/app-access.bicep     the identity's four role assignments
//   modules/partner-drops.bicep  partner groups' conditioned (ABAC) role assignments on the uploads container
//   modules/function-app.bicep   Flex Consumption plan, function app, publishing credentials off, Entra ID sign-in
//   modules/events.bicep         Event Grid system topic and its dead-letter role assignment
// Modules are handed names, not outputs, and refer to each other's resources as `existing`, so every resource keeps the
// name, id and role assignment guid it had when this was one file.
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

var identityName = 'id-pipeline-${resourceToken}'
var planName = 'plan-pipeline-${resourceToken}'
var functionAppName = 'func-pipeline-${resourceToken}'
var logAnalyticsName = 'log-pipeline-${resourceToken}'
var appInsightsName = 'appi-pipeline-${resourceToken}'
var systemTopicName = 'evgt-pipeline-${resourceToken}'

// The containers and tables the app reads from its Pipeline:Storage settings.
var layout = {
  account: 'st${resourceToken}'
  uploadsContainer: 'uploads'
  acceptedContainer: 'accepted'
  rejectedContainer: 'rejected'
  documentsContainer: 'documents'
  deploymentContainer: 'app-package'
  deadLetterContainer: 'eventgrid-deadletter'
  acceptedQuartersTable: 'AcceptedQuarters'
  ledgerTable: 'UploadLedger'
  comparisonsTable: 'Comparisons'
  releasesTable: 'Releases'
}

// ---------------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: identityName
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------------
// Modules, in the order they deploy: storage and monitoring, the identity's roles, then the app
// ---------------------------------------------------------------------------------------------------

module storage 'modules/storage.bicep' = {
  name: 'storage-${uniqueString('storage', deployment().name)}'
  params: {
    location: location
    tags: tags
    layout: layout
    sku: storageSku
    blobRetentionDays: blobRetentionDays
    lockStorageAccount: lockStorageAccount
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring-${uniqueString('monitoring', deployment().name)}'
  params: {
    location: location
    tags: tags
    logAnalyticsName: logAnalyticsName
    appInsightsName: appInsightsName
    logRetentionDays: logRetentionDays
    alertNameSuffix: resourceToken
  }
}

module appAccess 'modules/app-access.bicep' = {
  name: 'appAccess-${uniqueString('appAccess', deployment().name)}'
  params: {
    identityName: identity.name
    storageAccountName: layout.account
    appInsightsName: appInsightsName
  }
  dependsOn: [
    storage
    monitoring
  ]
}

module partnerDrops 'modules/partner-drops.bicep' = {
  name: 'partnerDrops-${uniqueString('partnerDrops', deployment().name)}'
  params: {
    partnerGroups: partnerGroups
    storageAccountName: layout.account
    uploadsContainerName: layout.uploadsContainer
  }
  dependsOn: [
    storage
  ]
}

module app 'modules/function-app.bicep' = {
  name: 'app-${uniqueString('app', deployment().name)}'
  params: {
    location: location
    tags: tags
    planName: planName
    functionAppName: functionAppName
    identityName: identity.name
    layout: layout
    appInsightsName: appInsightsName
    recalcSchedule: recalcSchedule
    sweepSchedule: sweepSchedule
    maxFileBytes: maxFileBytes
    maxErrors: maxErrors
    maxFigure: maxFigure
    summaryCacheSeconds: summaryCacheSeconds
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    enableEntraAuthentication: enableEntraAuthentication
    entraClientId: entraClientId
    entraTenantId: entraTenantId
  }
  // The host must be able to reach its storage (the deployment container too) and telemetry the moment it first starts.
  dependsOn: [
    storage
    appAccess
  ]
}

module events 'modules/events.bicep' = {
  name: 'events-${uniqueString('events', deployment().name)}'
  params: {
    location: location
    tags: tags
    systemTopicName: systemTopicName
    storageAccountName: layout.account
    deadLetterContainerName: layout.deadLetterContainer
  }
  dependsOn: [
    storage
  ]
}

// ---------------------------------------------------------------------------------------------------
// Outputs (azd stores them in the environment; the postdeploy hook reads them)
// ---------------------------------------------------------------------------------------------------

// The resources the outputs read, as the modules deployed them.
resource functionApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: layout.account

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: layout.deadLetterContainer
    }
  }
}

@description('Name of the function app.')
output AZURE_FUNCTION_APP_NAME string = functionApp.name

@description('URL of the summary endpoint, open to anyone like every route that shows published figures.')
output SUMMARY_URL string = 'https://${functionApp.properties.defaultHostName}/api/summary'

@description('Name of the storage account holding uploads, outcomes and figures.')
output AZURE_STORAGE_ACCOUNT_NAME string = storageAccount.name

@description('Container partners upload their returns to.')
output UPLOADS_CONTAINER_NAME string = layout.uploadsContainer

@description('Event Grid system topic of the storage account; the postdeploy hook subscribes to it.')
output EVENT_GRID_SYSTEM_TOPIC_NAME string = systemTopicName

@description('Resource id of the container Event Grid dead-letters undeliverable upload events to.')
output DEAD_LETTER_CONTAINER_ID string = storageAccount::blobService::deadLetterContainer.id

@description('Resource group everything was deployed to.')
output AZURE_RESOURCE_GROUP string = resourceGroup().name

@description('Client id of the app\'s user-assigned identity.')
output AZURE_CLIENT_ID string = identity.properties.clientId

@description('Client id of the Entra ID app registration people sign in through; empty when sign-in is off. The postdeploy hook applies infra/app-roles.json to it.')
output ENTRA_SIGN_IN_CLIENT_ID string = enableEntraAuthentication ? entraClientId : ''
