using System.Text.Json.Serialization;

namespace Pipeline.Core.Datasets;

/// <summary>100 x numerator / denominator, each the sum of a field.</summary>
public sealed record DatasetRate(
    [property: JsonPropertyName("numerator")] string Numerator,
    [property: JsonPropertyName("denominator")] string Denominator);
