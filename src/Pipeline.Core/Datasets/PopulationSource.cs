using System.Text.Json.Serialization;

namespace Pipeline.Core.Datasets;

/// <summary>The <c>populations/&lt;id&gt;.json</c> beside a population's CSV: what it counts and where the figures come from.</summary>
public sealed record PopulationSource(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("source")] string Source);
