using System.Text.Json.Serialization;

namespace Pipeline.Core.Summaries;

/// <summary>The accepted file behind one quarter used in a comparison.</summary>
public sealed record SummarySource(
    [property: JsonPropertyName("quarter")] Quarter Quarter,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sha256")] string Sha256);
