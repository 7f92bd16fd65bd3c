// The Flex Consumption plan and the function app: identity-based storage and telemetry, no FTP, no basic publishing
// credentials, and Entra ID sign-in when asked for. main.bicep deploys it once the identity holds its roles.

@description('Azure region of the plan and the app.')
param location string

@description('Tags of the plan and the app (the app adds azd-service-name).')
param tags object

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app.')
param functionAppName string

@description('Name of the user-assigned identity the app runs as.')
param identityName string

@description('Names of the storage account (account), its containers (uploadsContainer, acceptedContainer, rejectedContainer, documentsContainer, deploymentContainer, deadLetterContainer) and its tables (acceptedQuartersTable, ledgerTable, comparisonsTable, releasesTable); main.bicep\'s layout.')
param layout object

@description('Name of the Application Insights component the app sends telemetry to.')
param appInsightsName string

@description('NCRONTAB schedule of the annual comparison recalculation (app setting RecalcSchedule), in UTC.')
param recalcSchedule string

@description('NCRONTAB schedule of the sweep of uploads whose event never came (app setting SweepSchedule), in UTC.')
param sweepSchedule string

@description('Largest upload, in bytes, the validator reads (Pipeline:Validation:MaxFileBytes).')
param maxFileBytes int

@description('Errors reported before a validation report is truncated (Pipeline:Validation:MaxErrors).')
param maxErrors int

@description('Largest figure a return may carry in a count column (Pipeline:Validation:MaxValue).')
param maxFigure int

@description('Seconds the summary endpoint caches its response (Pipeline:Summary:CacheSeconds).')
param summaryCacheSeconds int

@description('Most instances the Flex Consumption plan may scale the app out to.')
param maximumInstanceCount int

@description('Memory of each Flex Consumption instance, in MB.')
param instanceMemoryMB int

@description('Turn on Entra ID sign-in (App Service Authentication) with the app registration entraClientId.')
param enableEntraAuthentication bool

@description('Client id of the Entra ID app registration people sign in through.')
param entraClientId string

@description('The Entra ID tenant whose people may sign in.')
param entraTenantId string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: layout.account
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

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
          value: layout.uploadsContainer
        }
        {
          name: 'Pipeline__Storage__AcceptedContainer'
          value: layout.acceptedContainer
        }
        {
          name: 'Pipeline__Storage__RejectedContainer'
          value: layout.rejectedContainer
        }
        {
          name: 'Pipeline__Storage__DocumentsContainer'
          value: layout.documentsContainer
        }
        {
          name: 'Pipeline__Storage__AcceptedQuartersTable'
          value: layout.acceptedQuartersTable
        }
        {
          name: 'Pipeline__Storage__LedgerTable'
          value: layout.ledgerTable
        }
        {
          name: 'Pipeline__Storage__ComparisonsTable'
          value: layout.comparisonsTable
        }
        {
          name: 'Pipeline__Storage__ReleasesTable'
          value: layout.releasesTable
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
          value: '${storage.properties.primaryEndpoints.blob}${layout.deploymentContainer}'
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
