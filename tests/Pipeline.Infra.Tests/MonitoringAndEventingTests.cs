namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class MonitoringAndEventingTests(CompiledTemplateFixture compiled)
{
    private ArmTemplate Template => compiled.Template;

    private DeploymentSnapshot Deployed => compiled.Deployed;

    [Fact]
    public void Application_Insights_refuses_local_authentication()
    {
        var properties = Deployed.Single("Microsoft.Insights/components")["properties"]!;

        Assert.True((bool)properties["DisableLocalAuth"]!);
        Assert.Equal(Deployed.IdOf("Microsoft.OperationalInsights/workspaces"), (string)properties["WorkspaceResourceId"]!);
    }

    [Fact]
    public void Event_Grid_system_topic_watches_the_storage_account()
    {
        var properties = Deployed.Single("Microsoft.EventGrid/systemTopics")["properties"]!;

        Assert.Equal("Microsoft.Storage.StorageAccounts", (string)properties["topicType"]!);
        Assert.Equal(Deployed.IdOf("Microsoft.Storage/storageAccounts"), (string)properties["source"]!);
    }

    [Theory]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("SUMMARY_URL")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    [InlineData("EVENT_GRID_SYSTEM_TOPIC_NAME")]
    [InlineData("UPLOADS_CONTAINER_NAME")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    public void Deployment_outputs_what_operators_and_the_postdeploy_hook_need(string output) =>
        Assert.True(Template.Outputs.ContainsKey(output), $"No output {output}.");

    [Fact]
    public void Summary_URL_points_at_the_summary_endpoint_of_the_app() =>
        Assert.Matches(
            $@"^\[format\('https://\{{0\}}/api/summary', reference\('{System.Text.RegularExpressions.Regex.Escape(Deployed.IdOf("Microsoft.Web/sites"))}', '[0-9-]+'\)\.defaultHostName\)\]$",
            (string)Deployed.Outputs["SUMMARY_URL"]!);

    [Theory]
    [InlineData("requests | where success == false", 3)]
    [InlineData("traces | where message has \"poison\"", 1)]
    public void An_alert_fires_on_repeated_function_failures_and_on_a_poisoned_upload(string query, int threshold)
    {
        var rule = Assert.Single(
            Deployed.Resources("Microsoft.Insights/scheduledQueryRules"),
            r => (string)r["properties"]!["criteria"]!["allOf"]![0]!["query"]! == query);

        Assert.True((bool)rule["properties"]!["enabled"]!);
        Assert.Equal(threshold, (int)rule["properties"]!["criteria"]!["allOf"]![0]!["threshold"]!);
        Assert.Equal("PT5M", (string)rule["properties"]!["evaluationFrequency"]!);
        Assert.Equal([Deployed.IdOf("Microsoft.Insights/components")], rule["properties"]!["scopes"]!.AsArray().Select(scope => (string)scope!));
    }
}
