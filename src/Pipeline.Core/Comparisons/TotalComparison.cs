using System.Text.Json.Serialization;

namespace Pipeline.Core.Comparisons;

/// <summary>
/// The comparison for all areas together: the same four metrics as <see cref="AreaComparison"/>, computed from the
/// summed whole numbers (never from the areas' rounded figures).
/// </summary>
public sealed record TotalComparison(
    [property: JsonPropertyName("offences")] CountMetric Offences,
    [property: JsonPropertyName("knifeOffences")] CountMetric KnifeOffences,
    [property: JsonPropertyName("positiveOutcomes")] CountMetric PositiveOutcomes,
    [property: JsonPropertyName("positiveOutcomeRate")] RateMetric PositiveOutcomeRate);
