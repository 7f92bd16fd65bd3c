using CsCheck;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Intervals;

namespace Pipeline.Core.Tests.Intervals;

/// <summary>What every interval must do whatever the counts: hold its figure, narrow with more data, meet the edges.</summary>
public class IntervalProperties
{
    private const long Iterations = 20_000;

    private const double Z2 = 1.959964 * 1.959964;

    /// <summary>A proportion x / n with 1 &lt;= n up to ten million, x from 0 to n, the edges often.</summary>
    private static readonly Gen<(long X, long N)> Proportion =
        Gen.Long[1, 10_000_000].SelectMany(n => Gen.Frequency<long>((6, Gen.Long[0, n]), (1, Gen.Const(0L)), (1, Gen.Const(n))).Select(x => (x, n)));

    /// <summary>A count (small ones often, around the switch from exact to Byar at 10) and a population of at least 1.</summary>
    private static readonly Gen<(long Count, long Population)> CountOverPopulation =
        Gen.Select(Gen.Frequency<long>((3, Gen.Long[0, 20]), (3, Gen.Long[0, 1_000_000])), Gen.Long[1, 5_000_000]);

    [Fact]
    public void A_rate_lies_within_its_wilson_interval()
    {
        Proportion.Sample((x, n) =>
        {
            var rate = RateMetric.Compute(x, n, x, n);

            Assert.InRange(rate.Current!.Value, rate.CurrentLower!.Value, rate.CurrentUpper!.Value);
            Assert.InRange(rate.CurrentLower.Value, 0m, 100m);
            Assert.InRange(rate.CurrentUpper.Value, 0m, 100m);
        }, iter: Iterations);
    }

    [Fact]
    public void A_rate_per_population_lies_within_its_interval()
    {
        Gen.Select(CountOverPopulation, Gen.OneOf<long>(1000, 100_000)).Sample((pair, per) =>
        {
            var rate = PopulationRateMetric.Compute(pair.Count, pair.Count, per, new PopulationPair(pair.Population, 2024, pair.Population, 2023, null));

            Assert.InRange(rate.Current!.Value, rate.CurrentLower!.Value, rate.CurrentUpper!.Value);
            Assert.True(rate.CurrentLower.Value >= 0);
            Assert.Equal(ChangeSignificance.NotSignificant, rate.Significance);
        }, iter: Iterations);
    }

    [Fact]
    public void Wilsons_interval_narrows_as_the_counts_grow_at_the_same_proportion()
    {
        Gen.Select(Proportion, Gen.Long[2, 1000]).Sample((p, k) =>
        {
            var (lower, upper) = WilsonInterval.For(p.X, p.N);
            var (widerLower, widerUpper) = WilsonInterval.For(p.X * k, p.N * k);

            Assert.True(widerUpper - widerLower < upper - lower, $"{p.X * k}/{p.N * k} is no narrower than {p.X}/{p.N}");
        }, iter: Iterations);
    }

    [Fact]
    public void A_rates_interval_narrows_as_the_count_and_population_grow_together()
    {
        Gen.Select(Gen.Long[0, 100_000], Gen.Long[2, 1000]).Sample((count, k) =>
        {
            var (lower, upper) = PoissonInterval.ForCount(count);
            var (moreLower, moreUpper) = PoissonInterval.ForCount(count * k);

            // The same rate over k times the people: the interval of count x k, divided by k.
            Assert.True((moreUpper - moreLower) / k < upper - lower, $"{count * k} events are no narrower than {count}");
        }, iter: Iterations);
    }

    [Fact]
    public void No_events_give_a_lower_bound_of_0_and_an_upper_bound_above_it()
    {
        Gen.Long[1, 10_000_000].Sample(n =>
        {
            var rate = RateMetric.Compute(0, n, 0, n);
            var perPopulation = PopulationRateMetric.Compute(0, 0, 1000, new PopulationPair(n, 2024, n, 2023, null));

            // With no successes Wilson's upper bound has the closed form z^2 / (n + z^2).
            Assert.Equal((0.00m, 0.00m), (rate.Current, rate.CurrentLower));
            Assert.Equal(Math.Round((decimal)(100 * Z2 / (n + Z2)), 2, MidpointRounding.AwayFromZero), rate.CurrentUpper);
            Assert.True(WilsonInterval.For(0, n).Upper > 0);
            Assert.Equal((0.00m, 0.00m), (perPopulation.Current, perPopulation.CurrentLower));
            Assert.Equal(IntervalRounding.ToHundredths(PoissonInterval.Exact(0).Upper * 1000 / n, 1), perPopulation.CurrentUpper);
        }, iter: Iterations);
    }

    [Fact]
    public void A_count_equal_to_its_denominator_has_an_upper_bound_of_100()
    {
        Gen.Long[1, 10_000_000].Sample(n =>
        {
            var rate = RateMetric.Compute(n, n, n, n);

            // With every trial a success the lower bound has the closed form n / (n + z^2).
            Assert.Equal((100.00m, 100.00m), (rate.Current, rate.CurrentUpper));
            Assert.Equal(Math.Round((decimal)(100.0 * n / (n + Z2)), 2, MidpointRounding.AwayFromZero), rate.CurrentLower);
            Assert.True(WilsonInterval.For(n, n).Lower < 1);
            Assert.Equal((0.00m, 0.00m), (rate.ChangePoints, rate.ChangeLower + rate.ChangeUpper));
        }, iter: Iterations);
    }

    [Fact]
    public void Newcombes_interval_is_symmetric_under_swapping_the_periods()
    {
        Gen.Select(Proportion, Proportion).Sample((first, second) =>
        {
            var forward = RateMetric.Compute(first.X, first.N, second.X, second.N);
            var backward = RateMetric.Compute(second.X, second.N, first.X, first.N);

            Assert.Equal(forward.ChangeLower, -backward.ChangeUpper);
            Assert.Equal(forward.ChangeUpper, -backward.ChangeLower);
            Assert.InRange(forward.ChangePoints!.Value, forward.ChangeLower!.Value, forward.ChangeUpper!.Value);
        }, iter: Iterations);
    }
}
