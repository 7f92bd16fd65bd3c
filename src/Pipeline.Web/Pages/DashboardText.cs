using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;

namespace Pipeline.Web.Pages;

/// <summary>How the dashboard writes a basis, a time and a number: as the JSON has the numbers, signs and units written out.</summary>
internal static class DashboardText
{
    public static string BasisName(YearBasis basis) => basis switch
    {
        YearBasis.Calendar => "Calendar year",
        YearBasis.Financial => "Financial year (April to March)",
        _ => "Rolling year (the year ending with a quarter)",
    };

    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A count with its thousands, signed when it is a change: "7,675", "-1,054", "+57".</summary>
    /// <param name="value">The count.</param>
    /// <param name="signed">Whether it is a change.</param>
    /// <param name="symbol">What a withheld count shows (the dataset's disclosure symbol).</param>
    public static string Count(long value, bool signed = false, string symbol = DatasetDisclosure.DefaultSymbol) =>
        Withheld.Is(value) ? symbol : (signed && value > 0 ? "+" : string.Empty) + value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A percentage or points as the JSON has it (2 decimals), signed when it is a change; "n/a" for none.</summary>
    public static string Decimal(decimal? value, bool signed = false, string unit = "", string symbol = DatasetDisclosure.DefaultSymbol) =>
        Withheld.Is(value) ? symbol : value is { } v ? (signed && v > 0 ? "+" : string.Empty) + v.ToString(CultureInfo.InvariantCulture) + unit : "n/a";
}
