namespace Pipeline.Core.Intervals;

/// <summary>
/// Newcombe's hybrid score interval for the difference of two independent proportions, p1 - p2 (Newcombe 1998,
/// "Interval estimation for the difference between independent proportions", method 10): from each proportion's
/// Wilson interval (l, u), lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2) and upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2).
/// </summary>
public static class NewcombeInterval
{
    /// <summary>The interval for x1/n1 - x2/n2, as fractions of 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A proportion is not a count of 0 to a positive number of trials.</exception>
    public static (double Lower, double Upper) For(long successes1, long trials1, long successes2, long trials2)
    {
        var (l1, u1) = WilsonInterval.For(successes1, trials1);
        var (l2, u2) = WilsonInterval.For(successes2, trials2);
        double p1 = (double)successes1 / trials1, p2 = (double)successes2 / trials2;
        var difference = p1 - p2;
        var lower = difference - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u2 - p2) * (u2 - p2)));
        var upper = difference + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p2 - l2) * (p2 - l2)));
        return (lower, upper);
    }
}
