using Pipeline.Core.Comparisons;
using static Pipeline.Core.Tests.Comparisons.CountMetricTests;

namespace Pipeline.Core.Tests.Comparisons;

public class RateMetricTests
{
    [Fact]
    public void Computes_the_contract_seed_rates_and_their_change()
    {
        var rate = RateMetric.Compute(858, 6621, 801, 7675);

        Assert.Equal("12.96", Text(rate.Current));
        Assert.Equal("10.44", Text(rate.Previous));
        Assert.Equal("2.52", Text(rate.ChangePoints));
    }

    [Fact]
    public void Rounds_an_exact_midpoint_rate_away_from_zero()
    {
        var rate = RateMetric.Compute(1, 800, 3, 800);

        Assert.Equal("0.13", Text(rate.Current));
        Assert.Equal("0.38", Text(rate.Previous));
        Assert.Equal("-0.25", Text(rate.ChangePoints));
    }

    [Fact]
    public void Rounds_a_change_of_an_exact_midpoint_away_from_zero_when_negative()
    {
        // 0.000 - 0.125 = -0.125 exactly.
        Assert.Equal("-0.13", Text(RateMetric.Compute(0, 10, 1, 800).ChangePoints));
    }

    [Fact]
    public void Takes_the_change_from_the_unrounded_rates()
    {
        // 0.126 - 0.004 = 0.122 -> 0.12, where the rounded rates 0.13 - 0.00 would give 0.13.
        var rate = RateMetric.Compute(126, 100_000, 4, 100_000);

        Assert.Equal("0.13", Text(rate.Current));
        Assert.Equal("0.00", Text(rate.Previous));
        Assert.Equal("0.12", Text(rate.ChangePoints));
    }

    [Fact]
    public void Rounds_a_change_a_hair_below_a_midpoint_down()
    {
        // 100 x (666250000000002 / 533000000000001067 - 1 / 800000000000001600) is 0.125 less about 2.3e-34: below the
        // midpoint by less than a 28-digit decimal quotient can see. Decimal division then Math.Round gives exactly
        // 0.125 and so 0.13; the exact answer is 0.12.
        var rate = RateMetric.Compute(666_250_000_000_002, 533_000_000_000_001_067, 1, 800_000_000_000_001_600);

        Assert.Equal("0.12", Text(rate.ChangePoints));
    }

    [Fact]
    public void Has_no_rate_and_no_change_when_current_offences_are_zero()
    {
        Assert.Equal(new RateMetric(null, 10.44m, null, PreviousLower: 9.77m, PreviousUpper: 11.14m), RateMetric.Compute(0, 0, 801, 7675));
    }

    [Fact]
    public void Has_no_rate_and_no_change_when_previous_offences_are_zero()
    {
        var rate = RateMetric.Compute(858, 6621, 0, 0);

        Assert.Equal("12.96", Text(rate.Current));
        Assert.Null(rate.Previous);
        Assert.Null(rate.ChangePoints);
    }

    [Fact]
    public void Writes_a_zero_rate_as_zero_with_two_decimals()
    {
        var rate = RateMetric.Compute(0, 50, 0, 40);

        Assert.Equal("0.00", Text(rate.Current));
        Assert.Equal("0.00", Text(rate.ChangePoints));
    }
}
