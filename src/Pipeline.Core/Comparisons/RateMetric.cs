using System.Numerics;
using System.Text.Json.Serialization;
using Pipeline.Core.Datasets;
using Pipeline.Core.Intervals;

namespace Pipeline.Core.Comparisons;

/// <summary>
/// A rate of one field over another (100 x numerator / denominator; the positive outcome rate) this year and last, each
/// rounded once to 2 decimals and null when its denominator is 0. <see cref="ChangePoints"/> is the difference of the two
/// unrounded rates, rounded once; null when either rate is null. Each rate has Wilson's 95% score interval
/// (<see cref="CurrentLower"/> to <see cref="CurrentUpper"/>, <see cref="PreviousLower"/> to <see cref="PreviousUpper"/>)
/// and the change Newcombe's hybrid score interval (<see cref="ChangeLower"/> to <see cref="ChangeUpper"/>), in the same
/// units, each bound rounded once; a bound is null where its rate is (docs/method.md).
/// </summary>
public sealed record RateMetric(
    [property: JsonPropertyName("current")] decimal? Current,
    [property: JsonPropertyName("previous")] decimal? Previous,
    [property: JsonPropertyName("changePoints")] decimal? ChangePoints,
    [property: JsonPropertyName("currentLower")] decimal? CurrentLower = null,
    [property: JsonPropertyName("currentUpper")] decimal? CurrentUpper = null,
    [property: JsonPropertyName("previousLower")] decimal? PreviousLower = null,
    [property: JsonPropertyName("previousUpper")] decimal? PreviousUpper = null,
    [property: JsonPropertyName("changeLower")] decimal? ChangeLower = null,
    [property: JsonPropertyName("changeUpper")] decimal? ChangeUpper = null)
{
    public static RateMetric Compute(long currentOutcomes, long currentOffences, long previousOutcomes, long previousOffences) =>
        Compute((long?)currentOutcomes, currentOffences, previousOutcomes, previousOffences);

    /// <summary>
    /// The same from counts any of which may be withheld (disclosure control, docs/contract.md section 12): a rate, its
    /// interval and the change are null wherever a count they are built on is null. The figures are always computed from
    /// the unrounded counts.
    /// </summary>
    public static RateMetric Compute(long? currentOutcomes, long? currentOffences, long? previousOutcomes, long? previousOffences)
    {
        var current = Proportion.Of(currentOutcomes, currentOffences);
        var previous = Proportion.Of(previousOutcomes, previousOffences);
        decimal? changePoints = null, changeLower = null, changeUpper = null;
        if (current is { } c && previous is { } p)
        {
            // 100*po1/off1 - 100*po0/off0 over the common denominator, so the difference is exact before its one rounding.
            var numerator = 100 * (((BigInteger)c.Successes * p.Trials) - ((BigInteger)p.Successes * c.Trials));
            changePoints = ExactRounding.ToHundredths(numerator, (BigInteger)c.Trials * p.Trials);
            if (c.IsProportion && p.IsProportion)
            {
                var (lower, upper) = NewcombeInterval.For(c.Successes, c.Trials, p.Successes, p.Trials);
                (changeLower, changeUpper) = (IntervalRounding.ToHundredths(lower, 100), IntervalRounding.ToHundredths(upper, 100));
            }
        }

        return new RateMetric(
            current?.Rate,
            previous?.Rate,
            changePoints,
            current?.Lower,
            current?.Upper,
            previous?.Lower,
            previous?.Upper,
            changeLower,
            changeUpper);
    }

    /// <summary>
    /// What the published intervals say of the change: significant only when Newcombe's interval excludes 0; nothing when
    /// the interval is withheld (disclosure control).
    /// </summary>
    [JsonIgnore]
    public ChangeSignificance Significance =>
        Withheld.Is(ChangeLower) || Withheld.Is(ChangeUpper) ? ChangeSignificance.Unknown : Intervals.Significance.OfChange(ChangeLower, ChangeUpper);

    /// <summary>
    /// One period's rate. A numerator larger than its denominator (outcomes in a year for offences of earlier years) is a
    /// rate but not a proportion: it has no Wilson interval, and its change no Newcombe interval.
    /// </summary>
    private readonly record struct Proportion(long Successes, long Trials, decimal Rate, decimal? Lower, decimal? Upper)
    {
        public bool IsProportion => Successes <= Trials;

        public static Proportion? Of(long? successes, long? trials)
        {
            if (successes is not { } x || trials is not { } n || n == 0)
            {
                return null;
            }

            var rate = ExactRounding.ToHundredths(100 * (BigInteger)x, n);
            if (x > n)
            {
                return new Proportion(x, n, rate, null, null);
            }

            var (lower, upper) = WilsonInterval.For(x, n);
            return new Proportion(x, n, rate, IntervalRounding.ToHundredths(lower, 100), IntervalRounding.ToHundredths(upper, 100));
        }
    }
}
