// Storage drops: partners' Entra ID groups may create and overwrite returns in the uploads container, each only under
// its datasets' folders, and may not read, list or delete any (docs/contract.md section 10).

@description('Partners\' Entra ID groups by dataset id: { \'violence-admissions\': [ \'<group object id>\' ] }.')
param partnerGroups object

@description('Name of the storage account.')
param storageAccountName string

@description('Name of the container partners upload their returns to.')
param uploadsContainerName string

// Built-in role definition id (the same in every tenant).
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor

// The datasets the app ships: infra/app-roles.json has an enabled Submit.<id> role for each definition in datasets/
// (a test holds the two together), so a partner group can be granted only a folder the app reads as that dataset.
var datasetIds = map(
  filter(loadJsonContent('../app-roles.json'), role => role.isEnabled && startsWith(role.value, 'Submit.')),
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

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource uploadsContainer 'containers' existing = {
      name: uploadsContainerName
    }
  }
}

// Storage drops: Storage Blob Data Contributor on the uploads container for each partner group, with the condition above
// (partnerGroups). Without the condition the role would let a partner read, overwrite and delete every upload.
resource partnerUploadAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for grant in partnerGrants: {
    name: guid(storage::blobService::uploadsContainer.id, grant.groupId, storageBlobDataContributorRoleId)
    scope: storage::blobService::uploadsContainer
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
