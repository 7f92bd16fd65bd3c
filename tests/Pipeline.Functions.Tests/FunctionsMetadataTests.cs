using System.Reflection;
using System.Text.Json;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Core Tools cannot run here, so the bindings the host will read are checked where the host reads them: the
/// functions.metadata the worker SDK writes into the function app's build output.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonElement[]> Functions = new(Load);

    [Fact]
    public void ValidateUpload_is_an_event_grid_blob_trigger_on_uploads()
    {
        var binding = TriggerOf("ValidateUpload");
        Assert.Equal("blobTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("%UploadsContainer%/{name}", binding.GetProperty("path").GetString());
        Assert.Equal("EventGrid", binding.GetProperty("source").GetString());
        Assert.Equal("AzureWebJobsStorage", binding.GetProperty("connection").GetString());
        Assert.Equal("In", binding.GetProperty("direction").GetString());
    }

    [Fact]
    public void RecalculateComparisons_is_a_timer_on_the_RecalcSchedule_setting_and_never_runs_on_startup()
    {
        var binding = TriggerOf("RecalculateComparisons");
        Assert.Equal("timerTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("%RecalcSchedule%", binding.GetProperty("schedule").GetString());
        Assert.False(binding.TryGetProperty("runOnStartup", out var runOnStartup) && runOnStartup.GetBoolean());
    }

    [Fact]
    public void SweepUploads_is_a_timer_on_the_SweepSchedule_setting_and_never_runs_on_startup()
    {
        var binding = TriggerOf("SweepUploads");
        Assert.Equal("timerTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("%SweepSchedule%", binding.GetProperty("schedule").GetString());
        Assert.False(binding.TryGetProperty("runOnStartup", out var runOnStartup) && runOnStartup.GetBoolean());
    }

    /// <summary>
    /// The HTTP functions whose answers are for everyone (docs/contract.md section 10's first row): published figures,
    /// definitions, descriptions, the dashboard and its assets.
    /// </summary>
    public static readonly string[] Public =
        ["Dashboard", "GetDatasetSchema", "GetOpenApi", "GetRelease", "GetSeries", "GetSummary", "ListDatasets", "ListReleases", "ListRevisions", "PageAsset", "ReleaseCalendarPage"];

    /// <summary>The HTTP functions that need a role, which their handler checks from the signed-in principal (AccessMatrixTests).</summary>
    public static readonly string[] NeedARole = ["GetUploadReport", "ListUploads", "PutUpload", "ScheduleRelease", "SubmitPage", "ValidateReturn"];

    // Every HTTP function is anonymous to the platform: a function key would stop a browser, and a person signed in with
    // Entra ID has none. Public reads need nothing; the rest are decided by their handler from the principal, which answers
    // 401 or 403 (AccessMatrixTests). The host answers a method a trigger does not list with its own empty 404, so every
    // GET lists HEAD too (RFC 9110).
    [Theory]
    [InlineData("GetSummary", new[] { "get", "head" }, "api/summary")]
    [InlineData("ValidateReturn", new[] { "post" }, "api/validate")]
    [InlineData("PutUpload", new[] { "put" }, "api/uploads/{*name}")]
    [InlineData("ListUploads", new[] { "get", "head" }, "api/uploads")]
    [InlineData("ListRevisions", new[] { "get", "head" }, "api/revisions")]
    [InlineData("GetUploadReport", new[] { "get", "head" }, "api/uploads/report")]
    [InlineData("ListDatasets", new[] { "get", "head" }, "api/datasets")]
    [InlineData("GetDatasetSchema", new[] { "get", "head" }, "api/datasets/{id}/schema")]
    [InlineData("GetOpenApi", new[] { "get", "head" }, "api/openapi.json")]
    [InlineData("GetSeries", new[] { "get", "head" }, "api/series")]
    [InlineData("ListReleases", new[] { "get", "head" }, "api/releases")]
    [InlineData("GetRelease", new[] { "get", "head" }, "api/releases/{id}")]
    [InlineData("ScheduleRelease", new[] { "post" }, "api/releases")]
    [InlineData("ReleaseCalendarPage", new[] { "get", "head" }, "releases")]
    [InlineData("SubmitPage", new[] { "get", "head", "post" }, "submit")]
    [InlineData("PageAsset", new[] { "get", "head" }, "assets/{*path}")]
    [InlineData("Dashboard", new[] { "get", "head" }, "{root:maxlength(0)?}")]
    public void Every_HTTP_function_is_anonymous_to_the_platform_on_its_route(string function, string[] methods, string route)
    {
        var binding = TriggerOf(function);
        Assert.Equal("httpTrigger", binding.GetProperty("type").GetString());
        Assert.Equal(route, binding.GetProperty("route").GetString());
        Assert.Equal("Anonymous", binding.GetProperty("authLevel").GetString());
        Assert.Equal(methods, binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Every_HTTP_function_is_either_public_or_checks_a_role()
    {
        var http = Names.Where(n => TriggerOf(n).GetProperty("type").GetString() == "httpTrigger").Order(StringComparer.Ordinal);
        Assert.Equal(http, Public.Concat(NeedARole).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_HTTP_trigger_that_takes_GET_takes_HEAD()
    {
        var gets = Names.Select(n => (Name: n, Binding: TriggerOf(n)))
            .Where(t => t.Binding.GetProperty("type").GetString() == "httpTrigger")
            .Select(t => (t.Name, Methods: t.Binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToList()))
            .Where(t => t.Methods.Contains("get"))
            .ToList();

        Assert.Equal(14, gets.Count);
        Assert.All(gets, t => Assert.True(t.Methods.Contains("head"), $"{t.Name} takes GET but not HEAD"));
    }

    [Fact]
    public void The_app_has_exactly_these_functions()
    {
        Assert.Equal(
            ["Dashboard", "GetDatasetSchema", "GetOpenApi", "GetRelease", "GetSeries", "GetSummary", "GetUploadReport", "ListDatasets", "ListReleases", "ListRevisions", "ListUploads", "PageAsset", "PutUpload", "RecalculateComparisons", "ReleaseCalendarPage", "ScheduleRelease", "SubmitPage", "SweepUploads", "ValidateReturn", "ValidateUpload"],
            Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_build_output_carries_the_repository_host_json_with_a_poison_threshold()
    {
        var path = Path.Combine(BuildOutput, "host.json");
        using var host = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal(5, host.RootElement.GetProperty("extensions").GetProperty("blobs").GetProperty("poisonBlobThreshold").GetInt32());
        // No route prefix: the API's routes carry api/ themselves, and the partner page and its assets sit at /submit and /assets/.
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    internal static JsonElement TriggerOf(string function)
    {
        var entry = Assert.Single(Functions.Value, f => f.GetProperty("name").GetString() == function);
        return Assert.Single(entry.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
    }

    /// <summary>The function app's build output: it is built before this project, in the same configuration.</summary>
    private static string BuildOutput =>
        RepositoryRoot.Combine("src", "Pipeline.Functions", "bin",
            typeof(FunctionsMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0");

    internal static IReadOnlyList<string> Names => [.. Functions.Value.Select(f => f.GetProperty("name").GetString()!)];

    private static JsonElement[] Load()
    {
        var path = Path.Combine(BuildOutput, "functions.metadata");
        Assert.True(File.Exists(path), $"No functions.metadata at {path}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
