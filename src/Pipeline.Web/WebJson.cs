using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Validation;

namespace Pipeline.Web;

/// <summary>The JSON the API writes besides the summary and the report: indented, nulls written, properties as named.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<DatasetDefinition>))]
[JsonSerializable(typeof(List<LedgerItem>))]
[JsonSerializable(typeof(UploadOutcome))]
[JsonSerializable(typeof(ValidationReport))]
internal sealed partial class WebJson : JsonSerializerContext
{
    /// <summary>
    /// As the validation report's own JSON: apostrophes and quotes in messages stay readable. The bodies are served as
    /// application/json, never inlined into a page.
    /// </summary>
    public static WebJson Relaxed { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
