using System.Numerics;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Comparisons;

/// <summary>
/// A count this year against last year. <see cref="ChangePercent"/> is 100 x change / previous, rounded once to
/// 2 decimals (midpoint away from zero); null when <see cref="Previous"/> is 0.
/// </summary>
public sealed record CountMetric(
    [property: JsonPropertyName("current")] long Current,
    [property: JsonPropertyName("previous")] long Previous,
    [property: JsonPropertyName("change")] long Change,
    [property: JsonPropertyName("changePercent")] decimal? ChangePercent)
{
    public static CountMetric Compute(long current, long previous)
    {
        var change = checked(current - previous);
        decimal? changePercent = previous == 0 ? null : ExactRounding.ToHundredths(100 * (BigInteger)change, previous);
        return new CountMetric(current, previous, change, changePercent);
    }
}
