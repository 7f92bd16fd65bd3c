using System.Text.Json.Serialization;

namespace Pipeline.Core.Comparisons;

/// <summary>One area's comparison of this year against last year.</summary>
public sealed record AreaComparison(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("offences")] CountMetric Offences,
    [property: JsonPropertyName("knifeOffences")] CountMetric KnifeOffences,
    [property: JsonPropertyName("positiveOutcomes")] CountMetric PositiveOutcomes,
    [property: JsonPropertyName("positiveOutcomeRate")] RateMetric PositiveOutcomeRate);
