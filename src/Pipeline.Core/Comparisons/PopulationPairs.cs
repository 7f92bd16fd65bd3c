using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Comparisons;

/// <summary>
/// Which people a rate per population is taken over (docs/contract.md section 13): each period uses the population of
/// the latest year its file covers that is not after the year in which the period ends (2024/25 ends in 2025); an area
/// the file has no figure for gets none, and the total gets one only when every area compared has one.
/// </summary>
internal static class PopulationPairs
{
    public static PopulationPair ForArea(DatasetDefinition dataset, DatasetMetric metric, Period period, string code) =>
        For(dataset, metric, period, [code]);

    public static PopulationPair ForTotal(DatasetDefinition dataset, DatasetMetric metric, Period period, IReadOnlyList<string> codes) =>
        For(dataset, metric, period, codes);

    private static PopulationPair For(DatasetDefinition dataset, DatasetMetric metric, Period period, IReadOnlyList<string> codes)
    {
        var id = metric.PerPopulation!.Population;
        if (!dataset.Populations.TryGetValue(id, out var table))
        {
            return PopulationPair.None($"There is no population '{id}'.");
        }

        var (current, currentYear, currentNote) = Sum(table, period, codes);
        var (previous, previousYear, previousNote) = Sum(table, period.Previous, codes);
        var note = currentNote ?? previousNote;
        return new PopulationPair(current, currentYear, previous, previousYear, note);
    }

    private static (long? People, int? Year, string? Note) Sum(PopulationTable table, Period period, IReadOnlyList<string> codes)
    {
        var endYear = period.End.Year;
        if (table.YearFor(endYear) is not { } year)
        {
            return (null, null, string.Create(CultureInfo.InvariantCulture, $"There is no estimate of {People(table)} for {endYear} or any earlier year, so {PeriodLabels.Label(period)} has no rate."));
        }

        if (codes.Count == 0)
        {
            // A comparison whose quarters hold no area at all has no people to divide by.
            return (null, year, "There are no areas in the quarters compared, so there is no rate.");
        }

        long people = 0;
        foreach (var code in codes)
        {
            if (table.Of(year, code) is not { } count)
            {
                return (null, year, codes.Count == 1
                    ? string.Create(CultureInfo.InvariantCulture, $"There is no {year} estimate of {People(table)} for {code}, so it has no rate.")
                    : string.Create(CultureInfo.InvariantCulture, $"There is no {year} estimate of {People(table)} for {code}, so the total has no rate: it has one only when every area has a population."));
            }

            people = checked(people + count);
        }

        return (people, year, null);
    }

    /// <summary>"people aged 10 to 24", from the population's title.</summary>
    private static string People(PopulationTable table) => table.Title.Length > 1 && !char.IsUpper(table.Title[1])
        ? char.ToLowerInvariant(table.Title[0]) + table.Title[1..]
        : table.Title;
}
