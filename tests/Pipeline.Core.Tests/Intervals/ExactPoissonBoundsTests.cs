using System.Numerics;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Tests.Intervals;

/// <summary>
/// The exact Poisson interval (counts below 10) against the test's own rational arithmetic (<see cref="ExactPoisson"/>):
/// a published bound B, rounded to 2 decimals, is right when the exact bound lies within half a hundredth of it, that
/// is when the Poisson probability at B - 0.005 and at B + 0.005 falls on either side of 2.5%, both sides proved with
/// exact fractions. Over a population equal to the base the rate is the expected count itself.
/// </summary>
public class ExactPoissonBoundsTests
{
    public static TheoryData<long> SmallCounts => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Theory]
    [MemberData(nameof(SmallCounts))]
    public void Each_published_bound_is_the_exact_bound_rounded_to_2_decimals(long count)
    {
        var rate = PopulationRateMetric.Compute(count, count, 1000, new PopulationPair(1000, 2024, 1000, 2023, null));
        var lower = Thousandths(rate.CurrentLower!.Value);
        var upper = Thousandths(rate.CurrentUpper!.Value);

        if (count == 0)
        {
            Assert.Equal(0, lower);
        }
        else
        {
            // P(X >= count) rises with the mean: below 2.5% just under the bound, above just over it.
            Assert.Equal(-1, ExactPoisson.CompareUpperTailWithTail(count, lower - 5, 1000));
            Assert.Equal(1, ExactPoisson.CompareUpperTailWithTail(count, lower + 5, 1000));
        }

        // P(X <= count) falls as the mean rises: above 2.5% just under the bound, below just over it.
        Assert.Equal(1, ExactPoisson.CompareCdfWithTail(count, upper - 5, 1000));
        Assert.Equal(-1, ExactPoisson.CompareCdfWithTail(count, upper + 5, 1000));
    }

    [Fact]
    public void The_reference_finds_the_tabulated_exact_bounds_for_one_event()
    {
        // 0.0253 and 5.5716, the exact 95% limits for one event tabulated since Garwood (1936).
        Assert.Equal((0.0253, 5.5716), (Math.Round(ExactPoisson.LowerBound(1, 6), 4), Math.Round(ExactPoisson.UpperBound(1, 6), 4)));
    }

    private static BigInteger Thousandths(decimal value) => new(value * 1000);
}
