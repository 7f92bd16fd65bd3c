namespace Pipeline.Core.Intervals;

/// <summary>
/// Wilson's score interval for a proportion (Wilson 1927; Newcombe 1998, "Two-sided confidence intervals for the single
/// proportion", method 3), as OHID's technical guide and PHEindicatormethods' <c>phe_proportion</c> give it, without a
/// continuity correction: (2x + z^2 -/+ z sqrt(z^2 + 4x(1 - x/n))) / (2(n + z^2)).
/// </summary>
public static class WilsonInterval
{
    /// <summary>The interval for the proportion <paramref name="successes"/> / <paramref name="trials"/>, as fractions of 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Trials is not positive, or successes is outside 0 to trials.</exception>
    public static (double Lower, double Upper) For(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        const double z = ConfidenceLevel.Z;
        double x = successes, n = trials;
        var centre = (2 * x) + (z * z);
        var spread = z * Math.Sqrt((z * z) + (4 * x * (1 - (x / n))));
        var denominator = 2 * (n + (z * z));

        // At x = 0 and x = n the bounds are exactly 0 and 1; computed they could miss by a rounding error.
        var lower = successes == 0 ? 0 : (centre - spread) / denominator;
        var upper = successes == trials ? 1 : (centre + spread) / denominator;
        return (lower, upper);
    }
}
