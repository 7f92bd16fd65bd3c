using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Pipeline.Testing;

/// <summary>
/// The JSON Schemas of docs/schemas/ (draft 2020-12), evaluated with JsonSchema.Net, formats required. A failed check
/// throws, naming each violation's place and the instance, so a test fails with the reason.
/// </summary>
public static class ResponseSchemas
{
    public const string Summary = "summary.schema.json";
    public const string Report = "validation-report.schema.json";
    public const string Outcome = "outcome.schema.json";
    public const string Series = "series.schema.json";
    public const string Problem = "problem.schema.json";

    private static readonly ConcurrentDictionary<string, JsonSchema> Loaded = new();

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static string Text(string file) => File.ReadAllText(RepositoryRoot.Combine("docs", "schemas", file));

    public static EvaluationResults Evaluate(string file, JsonElement instance) =>
        Loaded.GetOrAdd(file, f => JsonSchema.FromText(Text(f))).Evaluate(instance, Options);

    public static void AssertValid(string file, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        AssertValid(file, document.RootElement);
    }

    public static void AssertValid(string file, JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        AssertValid(file, document.RootElement);
    }

    public static void AssertValid(string file, JsonElement instance)
    {
        var result = Evaluate(file, instance);
        if (!result.IsValid)
        {
            var text = instance.GetRawText();
            throw new InvalidOperationException($"Not valid against {file}:{Environment.NewLine}{Describe(result)}{Environment.NewLine}{text[..Math.Min(2000, text.Length)]}");
        }
    }

    public static void AssertInvalid(string file, JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        if (Evaluate(file, document.RootElement).IsValid)
        {
            throw new InvalidOperationException($"Valid against {file}, but should not be: {node.ToJsonString()}");
        }
    }

    private static string Describe(EvaluationResults result) => string.Join(
        Environment.NewLine,
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"  {d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
}
