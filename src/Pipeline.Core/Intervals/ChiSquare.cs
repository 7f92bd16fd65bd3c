namespace Pipeline.Core.Intervals;

/// <summary>
/// Quantiles of the chi-square distribution with an even number of degrees of freedom, the only ones the exact Poisson
/// interval needs. For 2k degrees of freedom the distribution function has a closed form through the Poisson
/// distribution, P(X &lt;= x) = 1 - P(Poisson(x / 2) &lt;= k - 1), so no gamma function is approximated: the quantile is
/// found by bisection on that finite sum, to the precision of a double.
/// </summary>
public static class ChiSquare
{
    /// <summary>The largest number of degrees of freedom accepted; the pipeline uses at most 20 (a count of 9, plus 1, times 2).</summary>
    public const int MaxDegreesOfFreedom = 400;

    /// <summary>The x with P(X &lt;= x) = <paramref name="probability"/> for X chi-square with <paramref name="degreesOfFreedom"/> (even, 2 to 400).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The probability is not strictly between 0 and 1, or the degrees of freedom are not even and in range.</exception>
    public static double Quantile(double probability, int degreesOfFreedom)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability strictly between 0 and 1 is needed.");
        }

        if (degreesOfFreedom < 2 || degreesOfFreedom > MaxDegreesOfFreedom || degreesOfFreedom % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Even degrees of freedom from 2 to 400 are supported.");
        }

        var k = degreesOfFreedom / 2;

        // P(X <= x) rises from 0 to 1 as x grows; find an upper end first, then halve the bracket until it stops shrinking.
        double low = 0, high = Math.Max(1, degreesOfFreedom);
        while (Cdf(high, k) < probability)
        {
            low = high;
            high *= 2;
        }

        for (var i = 0; i < 200; i++)
        {
            var middle = low + ((high - low) / 2);
            if (middle <= low || middle >= high)
            {
                break;
            }

            if (Cdf(middle, k) < probability)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low + ((high - low) / 2);
    }

    /// <summary>P(X &lt;= x) for X chi-square with 2k degrees of freedom: 1 - e^(-x/2) (1 + m + m^2/2! + ... + m^(k-1)/(k-1)!), m = x/2.</summary>
    public static double Cdf(double x, int k)
    {
        if (x <= 0)
        {
            return 0;
        }

        var mean = x / 2;
        double term = 1, sum = 1;
        for (var j = 1; j < k; j++)
        {
            term *= mean / j;
            sum += term;
        }

        // The upper tail as computed; its complement loses nothing where the quantiles the pipeline needs lie.
        var upper = Math.Exp(-mean + Math.Log(sum));
        return Math.Clamp(1 - upper, 0, 1);
    }
}
