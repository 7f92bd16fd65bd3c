using System.Globalization;

namespace Pipeline.Core.Calendar;

/// <summary>
/// How a period reads in a sentence for people: <c>2024</c>, <c>2024/25</c>, or for a rolling period "year ending
/// September 2024", the form police scrutiny packs and ONS crime statistics print. Month names are English whatever the
/// machine's culture, as the published figures are.
/// </summary>
public static class PeriodLabels
{
    private static readonly string[] EndMonths = ["March", "June", "September", "December"];

    /// <summary>The month a quarter ends with and its year: "September 2024" for 2024-Q3.</summary>
    public static string MonthEnding(Quarter quarter) =>
        string.Create(CultureInfo.InvariantCulture, $"{EndMonths[quarter.Number - 1]} {quarter.Year:D4}");

    /// <summary>"year ending September 2024" for the four quarters ending with 2024-Q3.</summary>
    public static string YearEnding(Quarter end) => "year ending " + MonthEnding(end);

    /// <summary>
    /// The period as a noun phrase: <c>2024</c> (calendar), <c>2024/25</c> (financial), "year ending September 2024"
    /// (rolling). A sentence puts "in" before the first two and "in the" before the third: use <see cref="In"/>.
    /// </summary>
    public static string Label(Period period) =>
        period.Basis == YearBasis.Rolling ? YearEnding(period.End) : period.ToString();

    /// <summary>"in 2024", "in 2024/25" or "in the year ending September 2024".</summary>
    public static string In(Period period) =>
        period.Basis == YearBasis.Rolling ? "in the " + Label(period) : "in " + Label(period);
}
