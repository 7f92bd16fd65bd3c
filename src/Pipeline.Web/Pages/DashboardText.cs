using System.Globalization;
using Pipeline.Core.Calendar;

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
    public static string Count(long value, bool signed = false) =>
        (signed && value > 0 ? "+" : string.Empty) + value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A percentage or points as the JSON has it (2 decimals), signed when it is a change; "n/a" for none.</summary>
    public static string Decimal(decimal? value, bool signed = false, string unit = "") =>
        value is { } v ? (signed && v > 0 ? "+" : string.Empty) + v.ToString(CultureInfo.InvariantCulture) + unit : "n/a";
}
