using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pipeline.Core.Calendar;

/// <summary>A calendar quarter (Q1 = January to March), written <c>YYYY-Qn</c>.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    /// <summary>Year 0000 does not exist in the calendar .NET (and the Gregorian calendar) counts in.</summary>
    public const int MinYear = 1;

    public const int MaxYear = 9999;

    /// <summary>
    /// The last day of the quarter. Worked out as a date, never as "the first instant after", which for 9999-Q4 would be
    /// a year no <see cref="DateTime"/> can hold.
    /// </summary>
    public DateOnly LastDay => new(Year, Number * 3, DateTime.DaysInMonth(Year, Number * 3));

    /// <summary>The quarter that <paramref name="instant"/> falls in, in UTC.</summary>
    public static Quarter Containing(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new Quarter(utc.Year, ((utc.Month - 1) / 3) + 1);
    }

    /// <summary>Whether the quarter is over at <paramref name="instant"/>: it ended before the quarter the instant is in.</summary>
    public bool HasEndedAt(DateTimeOffset instant) => this < Containing(instant);

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
