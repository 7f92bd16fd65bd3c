using System.Globalization;
using System.Numerics;

namespace Pipeline.Core.Tests.Properties;

/// <summary>
/// The test's own exact arithmetic, written apart from the production rounding so the two can disagree: a ratio of
/// whole numbers is held as a reduced fraction and rounded to hundredths, midpoint away from zero, as text with two
/// decimals ("-13.73", "0.00", "200.00").
/// </summary>
internal readonly record struct Fraction
{
    private Fraction(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The numerator; carries the sign.</summary>
    public BigInteger Numerator { get; }

    /// <summary>Always positive.</summary>
    public BigInteger Denominator { get; }

    public static Fraction Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "A fraction needs a denominator other than 0.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return divisor.IsOne || divisor.IsZero ? new(numerator, denominator) : new(numerator / divisor, denominator / divisor);
    }

    /// <summary>100 x part / whole: a percentage or a rate.</summary>
    public static Fraction Percent(BigInteger part, BigInteger whole) => Of(100 * part, whole);

    public static Fraction operator -(Fraction left, Fraction right) =>
        Of((left.Numerator * right.Denominator) - (right.Numerator * left.Denominator), left.Denominator * right.Denominator);

    public static Fraction Subtract(Fraction left, Fraction right) => left - right;

    /// <summary>Rounded to hundredths, halves away from zero, written with exactly two decimals and no sign on zero.</summary>
    public string ToHundredthsText()
    {
        // |x| x 100 rounded half up is floor((200|n| + d) / 2d).
        var magnitude = BigInteger.Abs(Numerator);
        var hundredths = ((200 * magnitude) + Denominator) / (2 * Denominator);
        var sign = Numerator.Sign < 0 && !hundredths.IsZero ? "-" : string.Empty;
        var units = BigInteger.DivRem(hundredths, 100, out var cents);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{units}.{(int)cents:D2}");
    }
}

internal static class Hundredths
{
    /// <summary>The text of 100 x part / whole rounded, or null when whole is 0.</summary>
    public static string? PercentText(BigInteger part, BigInteger whole) =>
        whole.IsZero ? null : Fraction.Percent(part, whole).ToHundredthsText();

    /// <summary>The difference of the two unrounded rates, rounded once; null when either rate has no denominator.</summary>
    public static string? ChangePointsText(long currentPart, long currentWhole, long previousPart, long previousWhole) =>
        currentWhole == 0 || previousWhole == 0
            ? null
            : (Fraction.Percent(currentPart, currentWhole) - Fraction.Percent(previousPart, previousWhole)).ToHundredthsText();

    /// <summary>How production's decimals are compared with the oracle: their invariant text, which also shows the scale.</summary>
    public static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
