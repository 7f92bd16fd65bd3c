// Monitoring: Log Analytics, Application Insights with local auth off, and the alerts an operator is told by.

@description('Azure region of the workspace, the component and the alerts.')
param location string

@description('Tags of every resource here.')
param tags object

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Days Log Analytics keeps the app\'s logs and telemetry.')
param logRetentionDays int

@description('Ends the alert rules\' names, as the other resources\' names end (the resource token).')
param alertNameSuffix string

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

// Alerts (attach an action group in the portal to be told): a function that fails repeatedly, and an upload whose
// blob trigger failed five times and went to the poison queue (always infrastructure here: bad data is a rejection).
resource failuresAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-function-failures-${alertNameSuffix}'
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
  name: 'alert-poison-upload-${alertNameSuffix}'
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
