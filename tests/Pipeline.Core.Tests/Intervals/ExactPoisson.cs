using System.Numerics;

namespace Pipeline.Core.Tests.Intervals;

/// <summary>
/// The test's own exact arithmetic for the Poisson distribution, independent of the code under test: P(X &lt;= m) for a
/// mean λ = a/b held as a ratio of whole numbers, bounded above and below by exact fractions. e^λ is the series
/// S = Σ λ^j / j! taken to N terms, whose tail is at most λ^(N+1) / (N+1)! x 1 / (1 - λ/(N+2)); so P(X &lt;= m) = T / e^λ
/// (T the first m + 1 terms) lies between T / (S + tail) and T / S. Every comparison with 2.5% is made on those fractions.
/// </summary>
internal static class ExactPoisson
{
    private static readonly (BigInteger Numerator, BigInteger Denominator) Tail = (1, 40); // 0.025 exactly

    /// <summary>Whether P(X &lt;= m) for mean a/b is certainly below, certainly above, or too near to tell from 2.5%.</summary>
    public static int CompareCdfWithTail(long m, BigInteger a, BigInteger b) => Compare(CdfBounds(m, a, b), Tail);

    /// <summary>Whether P(X &gt;= count) = 1 - P(X &lt;= count - 1) is below (-1), above (+1) or not surely either (0) of 2.5%.</summary>
    public static int CompareUpperTailWithTail(long count, BigInteger a, BigInteger b)
    {
        var (low, high) = CdfBounds(count - 1, a, b);

        // 1 - P lies between 1 - high and 1 - low.
        return Compare(((high.Denominator - high.Numerator, high.Denominator), (low.Denominator - low.Numerator, low.Denominator)), Tail);
    }

    /// <summary>The exact lower bound for <paramref name="count"/> events (P(X &gt;= count) = 2.5%), by bisection on exact fractions, to <paramref name="digits"/> decimals.</summary>
    public static double LowerBound(long count, int digits) =>
        Bisect(count, digits, (a, b) => CompareUpperTailWithTail(count, a, b) < 0);

    /// <summary>The exact upper bound (P(X &lt;= count) = 2.5%).</summary>
    public static double UpperBound(long count, int digits) =>
        Bisect(count, digits, (a, b) => CompareCdfWithTail(count, a, b) > 0);

    /// <summary>The mean where <paramref name="below"/> stops holding, found on the grid of 1 / 10^digits.</summary>
    private static double Bisect(long count, int digits, Func<BigInteger, BigInteger, bool> below)
    {
        var scale = BigInteger.Pow(10, digits);
        BigInteger low = 0, high = ((2 * count) + 20) * scale;
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (below(middle, scale))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (double)low / (double)scale;
    }

    private static ((BigInteger Numerator, BigInteger Denominator) Low, (BigInteger Numerator, BigInteger Denominator) High) CdfBounds(long m, BigInteger a, BigInteger b)
    {
        // Enough terms that λ/(N+2) < 1/2 and the tail is tiny: N = 60 + 4λ.
        var n = 60 + (4 * (int)(a / b));
        var (sNumerator, sDenominator) = Series(n, a, b);
        var (tNumerator, tDenominator) = Series(m, a, b);

        // tail = a^(N+1) / (b^(N+1) (N+1)!) x (N+2) b / ((N+2) b - a)
        var tailNumerator = BigInteger.Pow(a, n + 1) * (n + 2) * b;
        var tailDenominator = BigInteger.Pow(b, n + 1) * Factorial(n + 1) * (((n + 2) * b) - a);
        var withTail = ((sNumerator * tailDenominator) + (tailNumerator * sDenominator), sDenominator * tailDenominator);

        // T / (S + tail) <= P <= T / S
        var low = (tNumerator * withTail.Item2, tDenominator * withTail.Item1);
        var high = (tNumerator * sDenominator, tDenominator * sNumerator);
        return (low, high);
    }

    /// <summary>Σ_{j=0..n} (a/b)^j / j! as one fraction over b^n n!.</summary>
    private static (BigInteger Numerator, BigInteger Denominator) Series(long n, BigInteger a, BigInteger b)
    {
        if (n < 0)
        {
            return (0, 1);
        }

        BigInteger numerator = 0;
        var factorialN = Factorial(n);
        for (var j = 0L; j <= n; j++)
        {
            numerator += BigInteger.Pow(a, (int)j) * BigInteger.Pow(b, (int)(n - j)) * (factorialN / Factorial(j));
        }

        return (numerator, BigInteger.Pow(b, (int)n) * factorialN);
    }

    private static BigInteger Factorial(long n)
    {
        BigInteger result = 1;
        for (var i = 2L; i <= n; i++)
        {
            result *= i;
        }

        return result;
    }

    /// <summary>-1 when the whole range is below the target, +1 when above, 0 when it straddles it.</summary>
    private static int Compare(((BigInteger Numerator, BigInteger Denominator) Low, (BigInteger Numerator, BigInteger Denominator) High) range, (BigInteger Numerator, BigInteger Denominator) target)
    {
        if (range.High.Numerator * target.Denominator < target.Numerator * range.High.Denominator)
        {
            return -1;
        }

        return range.Low.Numerator * target.Denominator > target.Numerator * range.Low.Denominator ? 1 : 0;
    }
}
