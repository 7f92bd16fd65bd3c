using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pipeline.Core.Calendar;

/// <summary>
/// One year on a basis: calendar <c>2024</c> is 2024-Q1..2024-Q4; financial <c>2024/25</c> is 2024-Q2, 2024-Q3, 2024-Q4
/// and 2025-Q1 (April to March); rolling <c>2024-Q3</c> is the four quarters ending with 2024-Q3 (2023-Q4..2024-Q3, "year
/// ending September 2024"). <see cref="StartYear"/> is the year the period starts in; a rolling period also keeps which
/// quarter of that year it starts with (<see cref="EndingWith"/> makes one), so every period is a value with one form.
/// </summary>
public readonly record struct Period(YearBasis Basis, int StartYear) : IComparable<Period>
{
    /// <summary>For a rolling period, its first quarter's number less one (0..3); 0 for the other bases.</summary>
    private readonly int _rollingOffset;

    private Period(int startYear, int rollingOffset)
        : this(YearBasis.Rolling, startYear) => _rollingOffset = rollingOffset;

    /// <summary>The first start year that holds a representable quarter (financial 0000/01 holds 0001-Q1).</summary>
    public int MinStartYear => Basis == YearBasis.Financial ? Quarter.MinYear - 1 : Quarter.MinYear;

    /// <summary>The last start year whose quarters are all representable (a financial year ends in the next year).</summary>
    public int MaxStartYear => Basis == YearBasis.Financial || (Basis == YearBasis.Rolling && _rollingOffset > 0) ? Quarter.MaxYear - 1 : Quarter.MaxYear;

    /// <summary>The same period a year earlier (a rolling period ends with the same quarter of the year before).</summary>
    public Period Previous => this with { StartYear = StartYear - 1 };

    /// <summary>The period's last quarter: 2024-Q4 for calendar 2024, 2025-Q1 for financial 2024/25, 2024-Q3 for rolling 2024-Q3.</summary>
    public Quarter End => QuarterAt(4);

    /// <summary>A storage-safe form with no '/': <c>2024</c>, <c>2024-25</c> or <c>2024-Q3</c>.</summary>
    public string Key => Format('-');

    /// <summary>The rolling period of the four quarters ending with <paramref name="end"/>.</summary>
    public static Period EndingWith(Quarter end)
    {
        var first = (end.Year * 4) + end.Number - 1 - 3;
        return new Period(first / 4, first % 4);
    }

    /// <summary>The four quarters in year order.</summary>
    public IReadOnlyList<Quarter> Quarters => [QuarterAt(1), QuarterAt(2), QuarterAt(3), QuarterAt(4)];

    /// <summary>The period on <paramref name="basis"/> that contains <paramref name="quarter"/>.</summary>
    public static Period Containing(YearBasis basis, Quarter quarter) => basis switch
    {
        YearBasis.Calendar => new Period(basis, quarter.Year),
        YearBasis.Financial => new Period(basis, quarter.Number == 1 ? quarter.Year - 1 : quarter.Year),
        YearBasis.Rolling => throw new ArgumentOutOfRangeException(nameof(basis), basis, "A quarter is in four rolling years; use EndingWith."),
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a year basis."),
    };

    /// <summary>The quarter at <paramref name="position"/> (1..4) within this period.</summary>
    public Quarter QuarterAt(int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, 4);
        return Basis switch
        {
            YearBasis.Calendar => new Quarter(StartYear, position),
            YearBasis.Financial => position == 4 ? new Quarter(StartYear + 1, 1) : new Quarter(StartYear, position + 1),
            YearBasis.Rolling => new Quarter(StartYear + ((_rollingOffset + position - 1) / 4), ((_rollingOffset + position - 1) % 4) + 1),
            _ => throw new InvalidOperationException($"Not a year basis: {Basis}."),
        };
    }

    /// <summary>
    /// Parses a period on a known basis: calendar takes <c>2024</c>; financial takes <c>2024/25</c> or <c>2024-25</c>, where
    /// the second part is the next year's last two digits (<c>2099/00</c>); rolling takes exactly a quarter, <c>2024-Q3</c>
    /// (<see cref="Quarter.TryParse"/>), whose four quarters must all be representable. Nothing else is accepted: no
    /// spaces, no signs, no four-digit second year, no form of one basis for another.
    /// </summary>
    public static bool TryParse(YearBasis basis, [NotNullWhen(true)] string? text, out Period period)
    {
        period = default;
        if (basis == YearBasis.Rolling)
        {
            if (!Quarter.TryParse(text, out var end) || EndingWith(end).StartYear < Quarter.MinYear)
            {
                return false;
            }

            period = EndingWith(end);
            return true;
        }

        if (text is null || !TryParseYear(text, out var startYear))
        {
            return false;
        }

        switch (basis)
        {
            case YearBasis.Calendar when text.Length == 4:
                break;
            case YearBasis.Financial when text.Length == 7 && text[4] is '/' or '-':
                if (!char.IsAsciiDigit(text[5]) || !char.IsAsciiDigit(text[6]) ||
                    ((text[5] - '0') * 10) + (text[6] - '0') != (startYear + 1) % 100)
                {
                    return false;
                }

                break;
            default:
                return false;
        }

        var candidate = new Period(basis, startYear);
        if (startYear < candidate.MinStartYear || startYear > candidate.MaxStartYear)
        {
            return false;
        }

        period = candidate;
        return true;
    }

    public int CompareTo(Period other) =>
        Basis != other.Basis ? Basis.CompareTo(other.Basis)
        : StartYear != other.StartYear ? StartYear.CompareTo(other.StartYear)
        : _rollingOffset.CompareTo(other._rollingOffset);

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    /// <summary>The display form: <c>2024</c>, <c>2024/25</c> or <c>2024-Q3</c>.</summary>
    public override string ToString() => Format('/');

    private string Format(char separator) => Basis switch
    {
        YearBasis.Financial => string.Create(CultureInfo.InvariantCulture, $"{StartYear:D4}{separator}{(StartYear + 1) % 100:D2}"),
        YearBasis.Rolling => End.ToString(),
        _ => StartYear.ToString("D4", CultureInfo.InvariantCulture),
    };

    private static bool TryParseYear(string text, out int year)
    {
        year = 0;
        if (text.Length < 4)
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            year = (year * 10) + (text[i] - '0');
        }

        return true;
    }
}
