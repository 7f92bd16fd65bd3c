using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pipeline.Core;

/// <summary>A calendar quarter (Q1 = January to March), written <c>YYYY-Qn</c>.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public const int MinYear = 1900;
    public const int MaxYear = 9999;

    /// <summary>The first instant after the quarter, in UTC (the quarter has ended at and after this).</summary>
    public DateTimeOffset EndExclusiveUtc =>
        Number == 4
            ? new DateTimeOffset(Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(Year, (Number * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    /// <summary>Parses exactly <c>YYYY-Qn</c> (upper-case Q, n in 1..4), the form the return's <c>quarter</c> column takes.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: 7 } || text[4] != '-' || text[5] != 'Q')
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        var year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var number = text[6] - '0';
        if (year < MinYear || number is < 1 or > 4)
        {
            return false;
        }

        quarter = new Quarter(year, number);
        return true;
    }

    public static Quarter Parse(string text) =>
        TryParse(text, out var quarter) ? quarter : throw new FormatException($"'{text}' is not a quarter of the form YYYY-Qn.");

    public int CompareTo(Quarter other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");
}
