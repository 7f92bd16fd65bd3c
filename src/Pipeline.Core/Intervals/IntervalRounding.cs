namespace Pipeline.Core.Intervals;

/// <summary>Turns a bound computed in double precision into the published figure: scaled, then rounded once to 2 decimals.</summary>
public static class IntervalRounding
{
    /// <summary>
    /// <paramref name="value"/> x <paramref name="scale"/>, rounded once to 2 decimals, midpoint away from zero, as a decimal of
    /// scale 2 (<c>7.10</c>). The product is taken to the 15 significant digits a double carries before the one rounding.
    /// </summary>
    public static decimal ToHundredths(double value, double scale)
    {
        var scaled = value * scale;
        if (!double.IsFinite(scaled))
        {
            throw new OverflowException("The bound is not a finite number.");
        }

        var rounded = Math.Round((decimal)scaled, 2, MidpointRounding.AwayFromZero);

        // decimal keeps the scale of its operands: add 0.00 so that 7.1 is written 7.10.
        return decimal.Round(rounded + 0.00m, 2);
    }
}
