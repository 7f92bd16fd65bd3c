using CsCheck;
using Pipeline.Core.Comparisons;
using static Pipeline.Core.Tests.Properties.Hundredths;

namespace Pipeline.Core.Tests.Properties;

/// <summary>The published figures of one metric against the test's own exact arithmetic, for whole numbers of any size.</summary>
public class MetricProperties
{
    private const long Iterations = 50_000;

    [Fact]
    public void A_count_metric_has_the_exact_change_and_change_percent_rounded_once()
    {
        Counts.CountPair.Sample((current, previous) =>
        {
            var metric = CountMetric.Compute(current, previous);

            Assert.Equal(current, metric.Current);
            Assert.Equal(previous, metric.Previous);
            Assert.Equal(current - previous, metric.Change);
            Assert.Equal(PercentText((System.Numerics.BigInteger)current - previous, previous), Text(metric.ChangePercent));
        }, iter: Iterations);
    }

    [Fact]
    public void A_count_metric_has_no_change_percent_exactly_when_previous_is_zero()
    {
        Counts.Whole.Sample(current =>
        {
            var metric = CountMetric.Compute(current, 0);

            Assert.Equal(new CountMetric(current, 0, current, null), metric);
        }, iter: Iterations / 10);
    }

    [Fact]
    public void A_rate_metric_has_each_rate_and_the_change_of_the_unrounded_rates_rounded_once()
    {
        Counts.TwoRates.Sample((currentOutcomes, currentOffences, previousOutcomes, previousOffences) =>
        {
            var rate = RateMetric.Compute(currentOutcomes, currentOffences, previousOutcomes, previousOffences);

            Assert.Equal(PercentText(currentOutcomes, currentOffences), Text(rate.Current));
            Assert.Equal(PercentText(previousOutcomes, previousOffences), Text(rate.Previous));
            Assert.Equal(ChangePointsText(currentOutcomes, currentOffences, previousOutcomes, previousOffences), Text(rate.ChangePoints));
        }, iter: Iterations);
    }
}
