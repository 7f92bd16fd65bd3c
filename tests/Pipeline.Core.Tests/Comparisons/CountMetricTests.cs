using System.Globalization;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Tests.Comparisons;

public class CountMetricTests
{
    [Theory]
    [InlineData(6621, 7675, -1054, "-13.73")]
    [InlineData(328, 370, -42, "-11.35")]
    [InlineData(858, 801, 57, "7.12")]
    public void Computes_the_contract_seed_changes(long current, long previous, long change, string percent)
    {
        var metric = CountMetric.Compute(current, previous);

        Assert.Equal(new CountMetric(current, previous, change, decimal.Parse(percent, CultureInfo.InvariantCulture)), metric);
        Assert.Equal(percent, Text(metric.ChangePercent));
    }

    [Fact]
    public void Rounds_an_exact_midpoint_away_from_zero_when_positive()
    {
        // 100 x 1 / 800 = 0.125 exactly.
        Assert.Equal("0.13", Text(CountMetric.Compute(801, 800).ChangePercent));
    }

    [Fact]
    public void Rounds_an_exact_midpoint_away_from_zero_when_negative()
    {
        Assert.Equal("-0.13", Text(CountMetric.Compute(799, 800).ChangePercent));
    }

    [Fact]
    public void Rounds_just_below_a_midpoint_down()
    {
        // 100 x 1 / 801 = 0.12484...
        Assert.Equal("0.12", Text(CountMetric.Compute(802, 801).ChangePercent));
    }

    [Theory]
    [InlineData(9, 8, "12.50")]
    [InlineData(11, 10, "10.00")]
    [InlineData(5, 5, "0.00")]
    [InlineData(0, 7, "-100.00")]
    [InlineData(3, 1, "200.00")]
    public void Writes_every_percentage_with_two_decimals(long current, long previous, string expected)
    {
        var percent = CountMetric.Compute(current, previous).ChangePercent;

        Assert.Equal(expected, Text(percent));
        Assert.Equal(2, percent!.Value.Scale);
    }

    [Fact]
    public void Has_no_change_percent_when_previous_is_zero()
    {
        var metric = CountMetric.Compute(12, 0);

        Assert.Equal(new CountMetric(12, 0, 12, null), metric);
    }

    [Fact]
    public void Computes_large_counts_without_overflow()
    {
        var metric = CountMetric.Compute(long.MaxValue, 3);

        Assert.Equal(long.MaxValue - 3, metric.Change);
        // 100 x (2^63 - 4) / 3 = 307445734561825860133.333...
        Assert.Equal("307445734561825860133.33", Text(metric.ChangePercent));
    }

    internal static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
