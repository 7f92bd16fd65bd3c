using System.Text.Json.Serialization;

namespace Pipeline.Core.Datasets;

/// <summary>A figure compared year on year: a <see cref="Count"/> field's sum, or a <see cref="Rate"/> of two of them.</summary>
public sealed record DatasetMetric(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("count"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Count = null,
    [property: JsonPropertyName("rate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DatasetRate? Rate = null);
