using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Summaries;
using Pipeline.Core.Tests.Comparisons;

namespace Pipeline.Core.Tests.Summaries;

/// <summary>The sentences for rates per population, and the significance sentence the dashboard puts after each rate.</summary>
public class RateHeadlinesTests
{
    private static readonly DatasetDefinition Violence = DatasetRegistry.BuiltIn.Default;

    [Fact]
    public void The_seed_figures_gain_a_sentence_for_the_rate_per_1000_and_the_others_read_as_before()
    {
        var document = ComparisonCalculator.ComputeAll(Violence, SeedData.Quarters, SeedData.Areas, DateTimeOffset.UnixEpoch)
            .Single(d => d.Period == new Period(YearBasis.Calendar, 2024));

        var sentences = Headlines.For(Violence, document.Period, document.Total.Metrics);

        Assert.Equal(
            [
                "Serious youth violence fell 13.73%, from 7,675 offences in 2023 to 6,621 in 2024",
                "Knife offences fell 11.35%, from 370 to 328",
                "Positive outcomes rose 7.12%, from 801 to 858",
                "858 offences had a positive outcome: a rate of 12.96%, up 2.52 percentage points",
                "Offences per 1,000 people aged 10 to 24 were 10.97 in 2024 (95% confidence interval 10.71 to 11.24), down 1.88 from 12.85 in 2023 (12.56 to 13.14), using the population estimates of 2024 and 2023",
            ],
            sentences);
        Assert.Equal("This is a statistically significant rise.", Headlines.Significance(document.Total.Metrics.Get("positiveOutcomeRate")));
        Assert.Equal("This is a statistically significant fall.", Headlines.Significance(document.Total.Metrics.Get("offencesPer1000")));
        Assert.Null(Headlines.Significance(document.Total.Metrics.Get("offences")));
        Assert.Equal("Offences per 1,000 people aged 10 to 24", Headlines.Title(Violence, Violence.Metrics[4]));
    }

    [Theory]
    [InlineData(19, 24, "This is not a statistically significant change.")] // The 19 to 24 knife offences: chance cannot be ruled out.
    [InlineData(100, 60, "This is a statistically significant rise.")]
    [InlineData(60, 100, "This is a statistically significant fall.")]
    public void A_change_in_a_rate_per_population_is_significant_only_when_the_intervals_do_not_overlap(long current, long previous, string sentence)
    {
        var rate = PopulationRateMetric.Compute(current, previous, 1000, new PopulationPair(10_000, 2024, 10_000, 2023, null));

        Assert.Equal(sentence, Headlines.Significance(new MetricResult("r", null, null, rate)));
    }

    [Fact]
    public void Intervals_that_only_touch_count_as_overlapping()
    {
        var touching = new PopulationRateMetric(2.00m, 1.00m, 1.00m, 1.50m, 2.50m, 0.50m, 1.50m, 2024, 2023);
        var apart = touching with { CurrentLower = 1.51m };

        Assert.Equal("This is not a statistically significant change.", Headlines.Significance(new MetricResult("r", null, null, touching)));
        Assert.Equal("This is a statistically significant rise.", Headlines.Significance(new MetricResult("r", null, null, apart)));
    }

    [Fact]
    public void A_proportions_change_is_significant_only_when_its_interval_excludes_0()
    {
        Assert.Equal("This is not a statistically significant change.", Headlines.Significance(new MetricResult("r", null, new RateMetric(2m, 1m, 1m, ChangeLower: 0.00m, ChangeUpper: 2m))));
        Assert.Equal("This is a statistically significant rise.", Headlines.Significance(new MetricResult("r", null, new RateMetric(2m, 1m, 1m, ChangeLower: 0.01m, ChangeUpper: 2m))));
        Assert.Equal("This is a statistically significant fall.", Headlines.Significance(new MetricResult("r", null, new RateMetric(1m, 2m, -1m, ChangeLower: -2m, ChangeUpper: -0.01m))));
        Assert.Null(Headlines.Significance(new MetricResult("r", null, new RateMetric(1m, null, null))));
    }

    [Fact]
    public void A_rate_without_a_population_says_why()
    {
        var rate = new PopulationRateMetric(null, null, null, null, null, null, null, null, null, "There is no estimate of people aged 10 to 24 for 2024 or any earlier year, so 2024 has no rate.");
        var metrics = Violence.Metrics.Select(m => m.PerPopulation is null
            ? new MetricResult(m.Id, m.Rate is null ? CountMetric.Compute(1, 1) : null, m.Rate is null ? null : RateMetric.Compute(1, 1, 1, 1))
            : new MetricResult(m.Id, null, null, rate)).ToList();

        var sentence = Headlines.For(Violence, new Period(YearBasis.Calendar, 2024), metrics)[^1];

        Assert.Equal("Offences per 1,000 people aged 10 to 24 cannot be given in 2024: there is no estimate of people aged 10 to 24 for 2024 or any earlier year, so 2024 has no rate", sentence);
    }
}
