using Pipeline.Core.Comparisons;
using Pipeline.Core.Intervals;
using static Pipeline.Core.Tests.Comparisons.CountMetricTests;

namespace Pipeline.Core.Tests.Intervals;

/// <summary>
/// The intervals against figures published by others, each cited. The published figures are proportions to 4 decimals;
/// the pipeline publishes percentages to 2 decimals, the same digits.
/// </summary>
public class PublishedExamplesTests
{
    /// <summary>
    /// Wilson's score interval without continuity correction: Newcombe RG (1998), "Two-sided confidence intervals for the
    /// single proportion: comparison of seven methods", Statistics in Medicine 17:857-872, Table I, method 3.
    /// </summary>
    [Theory]
    [InlineData(81, 263, "25.53", "36.62")]
    [InlineData(15, 148, "6.24", "16.05")]
    [InlineData(0, 20, "0.00", "16.11")]
    [InlineData(1, 29, "0.61", "17.18")]
    public void Wilsons_interval_is_Newcombes_table_I_method_3(long successes, long trials, string lower, string upper)
    {
        var rate = RateMetric.Compute(successes, trials, successes, trials);

        Assert.Equal((lower, upper), (Text(rate.CurrentLower), Text(rate.CurrentUpper)));
        Assert.Equal((lower, upper), (Text(rate.PreviousLower), Text(rate.PreviousUpper)));
    }

    /// <summary>
    /// Newcombe's hybrid score interval for a difference of proportions: Newcombe RG (1998), "Interval estimation for the
    /// difference between independent proportions: comparison of eleven methods", Statistics in Medicine 17:873-890,
    /// Table II, method 10, examples (a) to (h). The first proportion is this period's, the second the previous one's.
    /// </summary>
    [Theory]
    [InlineData(56, 70, 48, 80, "5.24", "33.39")]
    [InlineData(9, 10, 3, 10, "17.05", "80.90")]
    [InlineData(6, 7, 2, 7, "5.82", "80.62")]
    [InlineData(5, 56, 0, 29, "-3.81", "19.26")]
    [InlineData(0, 10, 0, 20, "-16.11", "27.75")]
    [InlineData(0, 10, 0, 10, "-27.75", "27.75")]
    [InlineData(10, 10, 0, 20, "67.91", "100.00")]
    [InlineData(10, 10, 0, 10, "60.75", "100.00")]
    public void Newcombes_interval_is_his_table_II_method_10(long x1, long n1, long x2, long n2, string lower, string upper)
    {
        var rate = RateMetric.Compute(x1, n1, x2, n2);

        Assert.Equal((lower, upper), (Text(rate.ChangeLower), Text(rate.ChangeUpper)));
    }

    /// <summary>
    /// The exact Poisson interval for no events: 0 to 3.689 (the R package epitools, <c>pois.exact</c>, documents that "for
    /// the upper confidence limit pois.exact returns 3.689" when x = 0). Over a population equal to the base the rate is
    /// the count, so the bounds are the expected count's.
    /// </summary>
    [Fact]
    public void No_events_give_the_exact_interval_0_to_3_69()
    {
        var rate = PopulationRateMetric.Compute(0, 0, 1000, new PopulationPair(1000, 2024, 1000, 2023, null));

        Assert.Equal(("0.00", "0.00", "3.69"), (Text(rate.Current), Text(rate.CurrentLower), Text(rate.CurrentUpper)));
        Assert.Equal(3.689, Math.Round(PoissonInterval.ForCount(0).Upper, 3));
    }

    /// <summary>
    /// OHID's "Technical Guide: Confidence Intervals" (Public Health Data Science, 2018) says Byar's method is within 0.2%
    /// of the exact value for numerators of 10 or more at 95%: checked against the exact bounds found by this test's own
    /// rational arithmetic (<see cref="ExactPoisson"/>), not by the code under test.
    /// </summary>
    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(25)]
    [InlineData(65)]
    [InlineData(150)]
    public void Byars_bounds_are_within_0_2_percent_of_the_exact_ones_from_10_events(long count)
    {
        var (lower, upper) = PoissonInterval.ForCount(count);
        var (exactLower, exactUpper) = (ExactPoisson.LowerBound(count, 6), ExactPoisson.UpperBound(count, 6));

        Assert.InRange(Math.Abs(lower - exactLower) / exactLower, 0, 0.002);
        Assert.InRange(Math.Abs(upper - exactUpper) / exactUpper, 0, 0.002);
    }

    /// <summary>
    /// Byar's formula (Breslow and Day 1987, as the OHID guide writes it) worked by hand for 65 events, the example
    /// PHEindicatormethods' <c>byars_lower(65)</c> documents: 65 (1 - 1/585 - 1.959964/(3 sqrt 65))^3 = 50.163 and
    /// 66 (1 - 1/594 + 1.959964/(3 sqrt 66))^3 = 82.849; per 1,000 of 10,000 people, 5.02 to 8.28 around 6.50.
    /// </summary>
    [Fact]
    public void Sixty_five_events_among_10000_people_are_6_50_per_1000_from_5_02_to_8_28()
    {
        var rate = PopulationRateMetric.Compute(65, 65, 1000, new PopulationPair(10_000, 2024, 10_000, 2023, null));

        Assert.Equal(("6.50", "5.02", "8.28"), (Text(rate.Current), Text(rate.CurrentLower), Text(rate.CurrentUpper)));
        Assert.Equal((50.163, 82.849), (Math.Round(PoissonInterval.Byar(65).Lower, 3), Math.Round(PoissonInterval.Byar(65).Upper, 3)));
    }
}
