using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>main.bicep deployed with every tunable parameter away from its default, each to a value of its own.</summary>
public sealed class TunedDeploymentFixture : IAsyncLifetime
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000cc";
    public const string ClientId = "3f1c2b4a-5d6e-4f70-8192-a3b4c5d6e7f8";

    internal DeploymentSnapshot Snapshot { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Snapshot = await DeploymentSnapshot.OfAsync(
            "param location = 'westeurope'",
            "param recalcSchedule = '0 30 3 * * *'",
            "param sweepSchedule = '0 */7 * * * *'",
            "param maxFileBytes = 2097152",
            "param maxErrors = 25",
            "param maxFigure = 5000",
            "param summaryCacheSeconds = 15",
            "param maximumInstanceCount = 11",
            "param instanceMemoryMB = 4096",
            "param storageSku = 'Standard_ZRS'",
            "param blobRetentionDays = 9",
            "param logRetentionDays = 90",
            "param lockStorageAccount = true",
            "param enableEntraAuthentication = true",
            $"param entraClientId = '{ClientId}'",
            $"param entraTenantId = '{Tenant}'");

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// main.bicep hands its parameters to the modules in infra/modules; a parameter dropped or passed to the wrong one on
/// the way would still build, and would deploy the default or another setting's value.
/// </summary>
public sealed class ParameterWiringTests(TunedDeploymentFixture fixture) : IClassFixture<TunedDeploymentFixture>
{
    private DeploymentSnapshot Snapshot => fixture.Snapshot;

    [Theory]
    [InlineData("RecalcSchedule", "0 30 3 * * *")]
    [InlineData("SweepSchedule", "0 */7 * * * *")]
    [InlineData("Pipeline__Validation__MaxFileBytes", "2097152")]
    [InlineData("Pipeline__Validation__MaxErrors", "25")]
    [InlineData("Pipeline__Validation__MaxValue", "5000")]
    [InlineData("Pipeline__Summary__CacheSeconds", "15")]
    public void Each_app_setting_parameter_reaches_its_setting(string setting, string expected)
    {
        var settings = Snapshot.Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray();

        Assert.Equal(expected, (string)Assert.Single(settings, s => (string)s!["name"]! == setting)!["value"]!);
    }

    [Fact]
    public void Scale_out_and_instance_memory_follow_their_parameters()
    {
        var scale = Snapshot.Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;

        Assert.Equal(11, (int)scale["maximumInstanceCount"]!);
        Assert.Equal(4096, (int)scale["instanceMemoryMB"]!);
    }

    [Fact]
    public void Storage_replication_and_retention_follow_their_parameters()
    {
        var blobService = Snapshot.Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;

        Assert.Equal("Standard_ZRS", (string)Snapshot.Single("Microsoft.Storage/storageAccounts")["sku"]!["name"]!);
        Assert.Equal(9, (int)blobService["deleteRetentionPolicy"]!["days"]!);
        Assert.Equal(9, (int)blobService["containerDeleteRetentionPolicy"]!["days"]!);
        Assert.Equal(90, (int)Snapshot.Single("Microsoft.OperationalInsights/workspaces")["properties"]!["retentionInDays"]!);
    }

    [Fact]
    public void The_storage_lock_is_put_on_the_storage_account_when_asked_for()
    {
        var storageLock = Snapshot.Single("Microsoft.Authorization/locks");

        Assert.Equal($"{Snapshot.IdOf("Microsoft.Storage/storageAccounts")}/providers/Microsoft.Authorization/locks/do-not-delete-uploads", (string)storageLock["id"]!);
        Assert.Equal("CanNotDelete", (string)storageLock["properties"]!["level"]!);
    }

    [Fact]
    public void Every_resource_with_a_location_is_in_the_location_given()
    {
        var located = Snapshot.AllResources.Where(resource => resource["location"] is not null).ToList();

        Assert.Equal(9, located.Count);
        Assert.All(located, resource => Assert.Equal("westeurope", (string)resource["location"]!));
    }

    [Fact]
    public void Sign_in_trusts_the_tenant_given()
    {
        var registration = Snapshot.Single("Microsoft.Web/sites/config")["properties"]!["identityProviders"]!["azureActiveDirectory"]!["registration"]!;

        // The login endpoint is the cloud's, which ARM knows only when it deploys.
        Assert.Equal(
            $"[format('{{0}}{{1}}/v2.0', environment().authentication.loginEndpoint, '{TunedDeploymentFixture.Tenant}')]",
            (string)registration["openIdIssuer"]!);
        Assert.Equal(TunedDeploymentFixture.ClientId, (string)registration["clientId"]!);
    }

    [Fact]
    public void Every_resource_is_tagged_with_the_environment_where_it_carries_tags()
    {
        var tagged = Snapshot.AllResources.Where(resource => resource["tags"] is JsonObject).ToList();

        Assert.Equal(9, tagged.Count);
        Assert.All(tagged, resource => Assert.Equal("test", (string)resource["tags"]!["azd-env-name"]!));
    }
}
