using System.Numerics;

namespace Pipeline.Core.Comparisons;

/// <summary>
/// Rounds a ratio of whole numbers to 2 decimals, midpoint away from zero, exactly: the quotient is never formed as a
/// decimal first, because a 28-digit decimal quotient can land on a midpoint the exact value is not on.
/// </summary>
internal static class ExactRounding
{
    private const byte Scale = 2;

    /// <summary>numerator / denominator rounded to 2 decimals, as a decimal of scale 2 (<c>7.10</c>, not <c>7.1</c>).</summary>
    public static decimal ToHundredths(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        var negative = numerator.Sign * denominator.Sign < 0;
        var dividend = BigInteger.Abs(numerator) * 100;
        var divisor = BigInteger.Abs(denominator);
        var hundredths = BigInteger.DivRem(dividend, divisor, out var remainder);
        if (remainder * 2 >= divisor)
        {
            hundredths += 1;
        }

        return FromHundredths(hundredths, negative);
    }

    private static decimal FromHundredths(BigInteger hundredths, bool negative)
    {
        // A decimal holds a 96-bit magnitude; built from its parts so the scale stays exactly 2.
        if (hundredths >= BigInteger.One << 96)
        {
            throw new OverflowException("The rounded value does not fit in a decimal.");
        }

        var low = (ulong)(hundredths & ulong.MaxValue);
        var high = (uint)(hundredths >> 64);
        return new decimal(
            unchecked((int)(uint)low),
            unchecked((int)(uint)(low >> 32)),
            unchecked((int)high),
            negative && !hundredths.IsZero,
            Scale);
    }
}
