using System.Text.Json;
using Pipeline.Testing;

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
        Assert.Equal("uploads/{name}", binding.GetProperty("path").GetString());
        Assert.Equal("EventGrid", binding.GetProperty("source").GetString());
        Assert.Equal("AzureWebJobsStorage", binding.GetProperty("connection").GetString());
        Assert.Equal("In", binding.GetProperty("direction").GetString());
    }

    internal static JsonElement TriggerOf(string function)
    {
        var entry = Assert.Single(Functions.Value, f => f.GetProperty("name").GetString() == function);
        return Assert.Single(entry.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
    }

    internal static IReadOnlyList<string> Names => [.. Functions.Value.Select(f => f.GetProperty("name").GetString()!)];

    private static JsonElement[] Load()
    {
        // The test project references the function app, so it is built first, with the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var path = RepositoryRoot.Combine("src", "Pipeline.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"No functions.metadata at {path}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
