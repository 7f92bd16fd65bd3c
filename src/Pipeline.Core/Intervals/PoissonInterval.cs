namespace Pipeline.Core.Intervals;

/// <summary>
/// The 95% confidence interval for the expected number of events behind an observed count, as the public health
/// indicator methods compute it (OHID's "Technical Guide: Confidence Intervals"; PHEindicatormethods' <c>phe_rate</c>):
/// the exact interval from the chi-square distribution below a count of <see cref="ByarFrom"/>, Byar's approximation
/// (Breslow and Day 1987) from there on, which is within 0.2% of the exact interval for such counts.
/// </summary>
public static class PoissonInterval
{
    /// <summary>The smallest count given Byar's approximation rather than the exact interval.</summary>
    public const long ByarFrom = 10;

    /// <summary>The interval for the expected count; divide by the population and multiply by the base for a rate's interval.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public static (double Lower, double Upper) ForCount(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count < ByarFrom ? Exact(count) : Byar(count);
    }

    /// <summary>
    /// Lower = chi-square quantile(0.025, 2O) / 2 (0 when O = 0); upper = chi-square quantile(0.975, 2O + 2) / 2: the
    /// means for which the observed count O is just in the outer 2.5% of the Poisson distribution on either side.
    /// </summary>
    public static (double Lower, double Upper) Exact(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, (ChiSquare.MaxDegreesOfFreedom / 2) - 1);
        var degrees = (int)count * 2;
        var lower = count == 0 ? 0 : ChiSquare.Quantile(ConfidenceLevel.TailProbability, degrees) / 2;
        var upper = ChiSquare.Quantile(1 - ConfidenceLevel.TailProbability, degrees + 2) / 2;
        return (lower, upper);
    }

    /// <summary>
    /// Lower = O (1 - 1/(9O) - z/(3 sqrt O))^3; upper = (O+1) (1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3, z = 1.959964.
    /// </summary>
    public static (double Lower, double Upper) Byar(long count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        double o = count, p = count + 1.0;
        var lower = o * Math.Pow(1 - (1 / (9 * o)) - (ConfidenceLevel.Z / (3 * Math.Sqrt(o))), 3);
        var upper = p * Math.Pow(1 - (1 / (9 * p)) + (ConfidenceLevel.Z / (3 * Math.Sqrt(p))), 3);
        return (lower, upper);
    }
}
