using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class StorageTests(CompiledTemplateFixture compiled)
{
    private DeploymentSnapshot Deployed => compiled.Deployed;

    private JsonNode Account => Deployed.Single("Microsoft.Storage/storageAccounts")["properties"]!;

    private JsonNode BlobService => Deployed.Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;

    [Fact]
    public void Storage_account_refuses_shared_key_access() =>
        Assert.False((bool)Account["allowSharedKeyAccess"]!);

    [Fact]
    public void Storage_account_refuses_public_blob_access() =>
        Assert.False((bool)Account["allowBlobPublicAccess"]!);

    [Fact]
    public void Storage_account_requires_TLS_1_2() =>
        Assert.Equal("TLS1_2", (string)Account["minimumTlsVersion"]!);

    [Fact]
    public void Storage_account_accepts_HTTPS_only() =>
        Assert.True((bool)Account["supportsHttpsTrafficOnly"]!);

    [Fact]
    public void Deleted_blobs_stay_restorable()
    {
        Assert.True((bool)BlobService["deleteRetentionPolicy"]!["enabled"]!);
        Assert.Equal(30, (int)BlobService["deleteRetentionPolicy"]!["days"]!);
    }

    [Fact]
    public void Overwritten_blobs_keep_their_earlier_versions() =>
        Assert.True((bool)BlobService["isVersioningEnabled"]!);

    [Fact]
    public void Deleted_containers_stay_restorable() =>
        Assert.True((bool)BlobService["containerDeleteRetentionPolicy"]!["enabled"]!);

    [Fact]
    public void Containers_for_uploads_outcomes_and_the_deployment_package_exist_and_are_private()
    {
        var containers = Deployed.Resources("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal(
            ["accepted", "app-package", "documents", "eventgrid-deadletter", "rejected", "uploads"],
            containers.Select(DeploymentSnapshot.LeafName).Order(StringComparer.Ordinal));
        Assert.All(containers, container => Assert.Equal("None", (string)container["properties"]!["publicAccess"]!));
    }

    [Fact]
    public void Tables_the_app_uses_exist()
    {
        var tables = Deployed.Resources("Microsoft.Storage/storageAccounts/tableServices/tables");

        Assert.Equal(
            ["AcceptedQuarters", "Comparisons", "Releases", "UploadLedger"],
            tables.Select(DeploymentSnapshot.LeafName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lifecycle_rules_prune_only_old_versions_of_deployment_packages()
    {
        var rules = Deployed.Single("Microsoft.Storage/storageAccounts/managementPolicies")["properties"]!["policy"]!["rules"]!.AsArray();

        Assert.All(rules, rule =>
        {
            var definition = rule!["definition"]!;
            Assert.Equal(["app-package/"], definition["filters"]!["prefixMatch"]!.AsArray().Select(prefix => (string)prefix!));
            Assert.Equal(["version"], definition["actions"]!.AsObject().Select(action => action.Key));
        });
    }
}
