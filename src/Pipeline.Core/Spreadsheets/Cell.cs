using System.Globalization;

namespace Pipeline.Core.Spreadsheets;

/// <summary>What a cell holds: text, a number, a shorthand standing for a number, or a link to another sheet.</summary>
public enum CellKind
{
    Text,
    Number,
    Shorthand,
    Link,
}

/// <summary>
/// One cell of a sheet. A number is kept as a number (the spreadsheet stores it as a float and shows it with
/// <see cref="Decimals"/> places and thousands separators); where there is no number, a <see cref="Shorthand"/> fills
/// the cell on its own, so no cell is ever blank. Text is always text: a name starting with <c>=</c> is never a formula.
/// </summary>
public readonly record struct Cell
{
    private Cell(CellKind kind, string text, decimal number, int decimals)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Decimals = decimals;
    }

    public CellKind Kind { get; }

    /// <summary>The text shown: the text itself, the number as shown, the shorthand's symbol, or the sheet linked to.</summary>
    public string Text { get; }

    public decimal Number { get; }

    /// <summary>The decimal places a number is shown with: 0 for counts, 2 for percentages and rates.</summary>
    public int Decimals { get; }

    /// <summary>A text cell; text must not be empty (a blank cell is what the guidance forbids).</summary>
    public static Cell Of(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new(CellKind.Text, text, 0, 0);
    }

    /// <summary>A count, shown as a whole number.</summary>
    public static Cell Of(long count) => Of((decimal)count, 0);

    /// <summary>A number shown with <paramref name="decimals"/> places (0 or 2).</summary>
    public static Cell Of(decimal number, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(decimals is 0 or 2, true, nameof(decimals));
        return new(CellKind.Number, number.ToString("N" + decimals, CultureInfo.InvariantCulture), number, decimals);
    }

    /// <summary>The number, or <paramref name="missing"/> where there is none.</summary>
    public static Cell Of(decimal? number, int decimals, Shorthand missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return number is { } value ? Of(value, decimals) : Of(missing);
    }

    /// <summary>A shorthand in a cell of its own.</summary>
    public static Cell Of(Shorthand shorthand)
    {
        ArgumentNullException.ThrowIfNull(shorthand);
        return new(CellKind.Shorthand, shorthand.Symbol, 0, 0);
    }

    /// <summary>A link to the top of the sheet named <paramref name="sheet"/>, reading as its name.</summary>
    public static Cell LinkTo(string sheet)
    {
        ArgumentException.ThrowIfNullOrEmpty(sheet);
        return new(CellKind.Link, sheet, 0, 0);
    }
}
