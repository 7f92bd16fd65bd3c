using System.Numerics;
using System.Text.Json.Serialization;
using Pipeline.Core.Datasets;
using Pipeline.Core.Intervals;

namespace Pipeline.Core.Comparisons;

/// <summary>
/// A count per so many people (offences per 1,000 people aged 10 to 24) this period and last (docs/contract.md section
/// 13): each rate count x per / population, rounded once to 2 decimals; <see cref="Change"/> the difference of the two
/// unrounded rates, rounded once; each rate's 95% interval by Byar's method (the exact Poisson interval below a count of
/// 10), each bound rounded once; the year of the population estimate each period used. A rate with no population is
/// null, as are its interval and the change, and <see cref="Note"/> says why.
/// </summary>
public sealed record PopulationRateMetric(
    [property: JsonPropertyName("current")] decimal? Current,
    [property: JsonPropertyName("previous")] decimal? Previous,
    [property: JsonPropertyName("change")] decimal? Change,
    [property: JsonPropertyName("currentLower")] decimal? CurrentLower,
    [property: JsonPropertyName("currentUpper")] decimal? CurrentUpper,
    [property: JsonPropertyName("previousLower")] decimal? PreviousLower,
    [property: JsonPropertyName("previousUpper")] decimal? PreviousUpper,
    [property: JsonPropertyName("currentPopulationYear")] int? CurrentPopulationYear,
    [property: JsonPropertyName("previousPopulationYear")] int? PreviousPopulationYear,
    [property: JsonPropertyName("note")] string? Note = null)
{
    /// <summary>
    /// The rates from the unrounded counts. A null count (withheld by disclosure control, docs/contract.md section 12)
    /// or a null population gives a null rate and interval, and then a null change.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, a population not above 0, or per not above 0.</exception>
    public static PopulationRateMetric Compute(long? currentCount, long? previousCount, long per, PopulationPair populations)
    {
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentOutOfRangeException.ThrowIfLessThan(per, 1);
        var current = RatePer.Of(currentCount, populations.Current, per);
        var previous = RatePer.Of(previousCount, populations.Previous, per);
        decimal? change = null;
        if (current is { } c && previous is { } p)
        {
            // count1 x per / pop1 - count0 x per / pop0 over the common denominator: exact before its one rounding.
            var numerator = per * (((BigInteger)c.Count * p.Population) - ((BigInteger)p.Count * c.Population));
            change = ExactRounding.ToHundredths(numerator, (BigInteger)c.Population * p.Population);
        }

        return new PopulationRateMetric(
            current?.Rate,
            previous?.Rate,
            change,
            current?.Lower,
            current?.Upper,
            previous?.Lower,
            previous?.Upper,
            populations.CurrentYear,
            populations.PreviousYear,
            populations.Note);
    }

    /// <summary>
    /// What the published intervals say of the change: significant only when the two periods' intervals do not overlap;
    /// nothing when either is withheld (disclosure control).
    /// </summary>
    [JsonIgnore]
    public ChangeSignificance Significance =>
        new[] { CurrentLower, CurrentUpper, PreviousLower, PreviousUpper }.Any(Withheld.Is)
            ? ChangeSignificance.Unknown
            : Intervals.Significance.OfTwoIntervals(CurrentLower, CurrentUpper, PreviousLower, PreviousUpper);

    private readonly record struct RatePer(long Count, long Population, decimal Rate, decimal Lower, decimal Upper)
    {
        public static RatePer? Of(long? count, long? population, long per)
        {
            if (count is not { } o || population is not { } n)
            {
                return null;
            }

            ArgumentOutOfRangeException.ThrowIfNegative(o, nameof(count));
            ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(population));
            var (lower, upper) = PoissonInterval.ForCount(o);
            var scale = (double)per / n;
            return new RatePer(o, n, ExactRounding.ToHundredths((BigInteger)o * per, n), IntervalRounding.ToHundredths(lower, scale), IntervalRounding.ToHundredths(upper, scale));
        }
    }
}
