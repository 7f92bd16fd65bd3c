using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class FunctionAppTests(CompiledTemplateFixture compiled)
{
    // Exactly the settings the app reads (docs/deployment.md lists them with their meaning).
    private static readonly string[] SettingsTheAppReads =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "RecalcSchedule",
        "SweepSchedule",
        "UploadsContainer",
        "Pipeline__Storage__AcceptedContainer",
        "Pipeline__Storage__RejectedContainer",
        "Pipeline__Storage__DocumentsContainer",
        "Pipeline__Storage__AcceptedQuartersTable",
        "Pipeline__Storage__LedgerTable",
        "Pipeline__Storage__ComparisonsTable",
        "Pipeline__Storage__ReleasesTable",
        "Pipeline__Validation__MaxFileBytes",
        "Pipeline__Validation__MaxErrors",
        "Pipeline__Validation__MaxValue",
        "Pipeline__Summary__CacheSeconds",
    ];

    private DeploymentSnapshot Deployed => compiled.Deployed;

    private JsonObject App => Deployed.Single("Microsoft.Web/sites");

    private string IdentityId => Deployed.IdOf("Microsoft.ManagedIdentity/userAssignedIdentities");

    private string StorageId => Deployed.IdOf("Microsoft.Storage/storageAccounts");

    private Dictionary<string, string> Settings =>
        App["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(setting => (string)setting!["name"]!, setting => (string)setting!["value"]!, StringComparer.Ordinal);

    [Fact]
    public void The_app_settings_match_the_ones_the_local_sample_gives_the_app()
    {
        // local.settings.sample.json is where the app's own settings are listed for running locally; Azure gets the
        // same ones, with identity-based storage in place of the connection string.
        using var sample = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repository.File("local.settings.sample.json")));
        var local = sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name)
            .Where(name => name is not ("AzureWebJobsStorage" or "FUNCTIONS_WORKER_RUNTIME"))
            .Order(StringComparer.Ordinal);
        var deployed = Settings.Keys
            .Where(name => !name.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal) && !name.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(local, deployed);
    }

    [Fact]
    public void Function_app_accepts_HTTPS_only() =>
        Assert.True((bool)App["properties"]!["httpsOnly"]!);

    [Fact]
    public void Function_app_refuses_FTP() =>
        Assert.Equal("Disabled", (string)App["properties"]!["siteConfig"]!["ftpsState"]!);

    [Fact]
    public void Function_app_requires_TLS_1_2() =>
        Assert.Equal("1.2", (string)App["properties"]!["siteConfig"]!["minTlsVersion"]!);

    [Fact]
    public void Basic_publishing_credentials_are_off_for_FTP_and_SCM()
    {
        var policies = Deployed.Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(["ftp", "scm"], policies.Select(DeploymentSnapshot.LeafName).Order(StringComparer.Ordinal));
        Assert.All(policies, policy => Assert.StartsWith($"{App["id"]}/", (string)policy["id"]!, StringComparison.Ordinal));
        Assert.All(policies, policy => Assert.False((bool)policy["properties"]!["allow"]!));
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_a_Flex_Consumption_plan()
    {
        var plan = Deployed.Single("Microsoft.Web/serverfarms");
        var runtime = App["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("FC1", (string)plan["sku"]!["name"]!);
        Assert.Equal("FlexConsumption", (string)plan["sku"]!["tier"]!);
        Assert.Equal((string)plan["id"]!, (string)App["properties"]!["serverFarmId"]!);
        Assert.Equal("dotnet-isolated", (string)runtime["name"]!);
        Assert.Equal("10.0", (string)runtime["version"]!);
    }

    [Fact]
    public void Scale_out_and_instance_memory_default_to_40_instances_of_2048_MB()
    {
        // ParameterWiringTests show that both follow their parameters.
        var scale = App["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;

        Assert.Equal(40, (int)scale["maximumInstanceCount"]!);
        Assert.Equal(2048, (int)scale["instanceMemoryMB"]!);
    }

    [Fact]
    public void Deployment_package_is_read_from_its_container_with_the_identity()
    {
        var storage = App["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", (string)storage["type"]!);
        Assert.Matches($@"^\[format\('\{{0\}}\{{1\}}', reference\('{Escape(StorageId)}', '[0-9-]+'\)\.primaryEndpoints\.blob, 'app-package'\)\]$", (string)storage["value"]!);
        Assert.Equal("UserAssignedIdentity", (string)storage["authentication"]!["type"]!);
        Assert.Equal(IdentityId, (string)storage["authentication"]!["userAssignedIdentityResourceId"]!);
    }

    [Fact]
    public void Function_app_sets_exactly_the_settings_the_app_reads() =>
        Assert.Equal(SettingsTheAppReads.Order(StringComparer.Ordinal), Settings.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void No_setting_carries_an_account_key_or_a_connection_string_to_storage()
    {
        Assert.All(Settings, setting =>
        {
            Assert.DoesNotContain("AccountKey", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DefaultEndpointsProtocol", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", setting.Value, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain("AzureWebJobsStorage", Settings.Keys);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential", "managedidentity")]
    [InlineData("RecalcSchedule", "0 0 2 * * *")]
    [InlineData("UploadsContainer", "uploads")]
    [InlineData("Pipeline__Storage__AcceptedContainer", "accepted")]
    [InlineData("Pipeline__Storage__RejectedContainer", "rejected")]
    [InlineData("Pipeline__Storage__DocumentsContainer", "documents")]
    [InlineData("Pipeline__Storage__AcceptedQuartersTable", "AcceptedQuarters")]
    [InlineData("Pipeline__Storage__LedgerTable", "UploadLedger")]
    [InlineData("Pipeline__Storage__ComparisonsTable", "Comparisons")]
    [InlineData("Pipeline__Storage__ReleasesTable", "Releases")]
    [InlineData("Pipeline__Validation__MaxFileBytes", "10485760")]
    [InlineData("Pipeline__Validation__MaxErrors", "100")]
    [InlineData("Pipeline__Validation__MaxValue", "1000000")]
    [InlineData("Pipeline__Summary__CacheSeconds", "60")]
    public void Setting_takes_its_documented_default(string name, string expected) =>
        Assert.Equal(expected, Settings[name]);

    [Fact]
    public void Host_storage_is_reached_through_the_identity_by_account_name_and_service_URIs()
    {
        var settings = Settings;

        Assert.Equal((string)Deployed.Single("Microsoft.Storage/storageAccounts")["name"]!, settings["AzureWebJobsStorage__accountName"]);
        Assert.Matches($@"^\[reference\('{Escape(IdentityId)}', '[0-9a-z-]+'\)\.clientId\]$", settings["AzureWebJobsStorage__clientId"]);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Matches(
                $@"^\[reference\('{Escape(StorageId)}', '[0-9a-z-]+'\)\.primaryEndpoints\.{service}\]$",
                settings[$"AzureWebJobsStorage__{service}ServiceUri"]);
        }
    }

    [Fact]
    public void Telemetry_is_sent_with_the_identity_through_Microsoft_Entra_auth()
    {
        var settings = Settings;

        Assert.Matches(
            $@"^\[format\('ClientId=\{{0\}};Authorization=AAD', reference\('{Escape(IdentityId)}', '[0-9a-z-]+'\)\.clientId\)\]$",
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Matches(
            $@"^\[reference\('{Escape(Deployed.IdOf("Microsoft.Insights/components"))}', '[0-9a-z-]+'\)\.ConnectionString\]$",
            settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }

    [Fact]
    public void Function_app_is_tagged_for_azd_as_service_api() =>
        Assert.Equal("api", (string)App["tags"]!["azd-service-name"]!);

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
