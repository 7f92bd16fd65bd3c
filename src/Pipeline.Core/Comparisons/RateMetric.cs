using System.Numerics;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Comparisons;

/// <summary>
/// The positive outcome rate (100 x positive outcomes / offences) this year and last, each rounded once to 2 decimals
/// and null when offences is 0. <see cref="ChangePoints"/> is the difference of the two unrounded rates, rounded once;
/// null when either rate is null.
/// </summary>
public sealed record RateMetric(
    [property: JsonPropertyName("current")] decimal? Current,
    [property: JsonPropertyName("previous")] decimal? Previous,
    [property: JsonPropertyName("changePoints")] decimal? ChangePoints)
{
    public static RateMetric Compute(long currentOutcomes, long currentOffences, long previousOutcomes, long previousOffences)
    {
        var current = Rate(currentOutcomes, currentOffences);
        var previous = Rate(previousOutcomes, previousOffences);
        decimal? changePoints = null;
        if (current is not null && previous is not null)
        {
            // 100*po1/off1 - 100*po0/off0 over the common denominator, so the difference is exact before its one rounding.
            var numerator = 100 * (((BigInteger)currentOutcomes * previousOffences) - ((BigInteger)previousOutcomes * currentOffences));
            changePoints = ExactRounding.ToHundredths(numerator, (BigInteger)currentOffences * previousOffences);
        }

        return new RateMetric(current, previous, changePoints);
    }

    private static decimal? Rate(long outcomes, long offences) =>
        offences == 0 ? null : ExactRounding.ToHundredths(100 * (BigInteger)outcomes, offences);
}
