using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Spreadsheets;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Workbooks;

/// <summary>
/// A summary as a workbook (docs/contract.md section 14): the cover, contents and notes, then Table_1, every measure
/// for all areas together, and a table per measure by area. The figures are the summary's: counts as whole numbers,
/// percentages and rates as numbers to 2 decimal places in columns headed "(%)", a change in percentage points in its own
/// column; where there is no figure (a percentage change from 0, a rate of nothing, a column that does not apply to the
/// measure) the cell holds [z]; a rate per population without a population [x]. Every rate has its 95% interval's limits in
/// columns beside it.
/// </summary>
public static partial class SummaryWorkbook
{
    /// <summary>The shorthand a summary's tables can hold.</summary>
    public static IReadOnlyList<Shorthand> Shorthand { get; } = [Spreadsheets.Shorthand.NotApplicable];

    /// <summary>The shorthand a summary of <paramref name="dataset"/> can hold: [x] too when it has a rate per population.</summary>
    public static IReadOnlyList<Shorthand> ShorthandFor(DatasetDefinition dataset) =>
        dataset.Metrics.Any(m => m.PerPopulation is not null) ? [.. Shorthand, Spreadsheets.Shorthand.NotAvailable] : Shorthand;

    public static string Title(DatasetDefinition dataset, SummaryDocument document)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(document);
        var title = $"{dataset.Title}: {PeriodLabels.Label(document.Period)} compared with {PeriodLabels.Label(document.PreviousPeriod)}";
        return document.Status == ComparisonStatus.Complete ? title : $"{title}, year to date ({string.Join(", ", document.Quarters)})";
    }

    /// <summary>"serious-youth-violence-financial-2024-25.ods", with "-e08000025" before ".ods" for one area's.</summary>
    public static string FileName(SummaryDocument document, string? area)
    {
        ArgumentNullException.ThrowIfNull(document);
        var name = $"{document.Dataset}-{document.Basis.ToWireName()}-{Tables.FileNamePart(document.Period.ToString())}";
        return (area is null ? name : $"{name}-{Tables.FileNamePart(area)}") + ".ods";
    }

    public static WorkbookProperties Properties(DatasetDefinition dataset, SummaryDocument document) =>
        new(Title(dataset, document), dataset.Description ?? dataset.Title, document.ComputedAt);

    public static IReadOnlyList<Sheet> Sheets(DatasetDefinition dataset, SummaryDocument document, CoverDetails cover)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(cover);
        var metrics = document.Total.Metrics.Select(m => dataset.Metrics.Single(d => d.Id == m.Id)).ToList();
        var previous = Tables.Capitalised(PeriodLabels.Label(document.PreviousPeriod));
        var current = Tables.Capitalised(PeriodLabels.Label(document.Period));

        // Note 1 is the comparison, then one per measure, then the last says what [z] stands for.
        var notes = new List<string>
        {
            $"Each figure is the sum of the areas' figures in the quarters compared: {string.Join(", ", document.Quarters)} against the same quarters a year before, so the two years are like for like. " +
            "A quarter's figures are those of the latest return accepted for it.",
        };
        notes.AddRange(metrics.Select(m => $"{Headlines.Title(dataset, m)}: {MetricNote(dataset, m)}"));
        notes.Add("[z] stands where there is no figure to give: a percentage change from 0, a rate or its change when there was nothing to count it of, or a column that does not apply to the measure (the percentage-point change of a count, the change in number of a rate).");
        var z = notes.Count;
        var x = z + 1;
        if (metrics.Any(m => m.PerPopulation is not null))
        {
            notes.Add("[x] stands for a rate per population that cannot be given because there is no population estimate for the area.");
        }

        var tables = new List<Sheet>
        {
            Sheet.Of(
                Tables.SheetName(1),
                $"Table 1: {Title(dataset, document)}, all areas",
                TotalColumns(previous, current),
                metrics.Select((m, i) => TotalRow(dataset, m, document.Total.Metrics[i], [1, i + 2, z], x))),
        };
        for (var i = 0; i < metrics.Count; i++)
        {
            var metric = metrics[i];
            var index = i;
            tables.Add(Sheet.Of(
                Tables.SheetName(i + 2),
                string.Create(CultureInfo.InvariantCulture, $"Table {i + 2}: {Headlines.Title(dataset, metric)} by area, {PeriodLabels.Label(document.Period)} compared with {PeriodLabels.Label(document.PreviousPeriod)}"),
                AreaColumns(metric, previous, current),
                document.Areas.Select(a => AreaRow(a, a.Metrics[index], [1, index + 2], z, x))));
        }

        var lines = new (string, string)[]
        {
            ("Period", $"{Tables.Capitalised(PeriodLabels.Label(document.Period))} ({document.Basis.ToWireName()} year basis, {string.Join(", ", document.Quarters)}) compared with {PeriodLabels.Label(document.PreviousPeriod)}; {(document.Status == ComparisonStatus.Complete ? "the whole year" : "the year to date")}."),
            ("Source", $"Quarterly returns sent by the partners and accepted by validation, one file a quarter ({string.Join(", ", document.Sources.Select(s => s.Quarter).Distinct())}), summed by area and in total."),
            ("Figures computed", document.ComputedAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        };
        return [cover.Sheet(Title(dataset, document), dataset, lines, Tables.ShorthandOf(dataset, ShorthandFor(dataset))), Tables.Contents(tables), Tables.Notes(notes), .. tables];
    }

    private static string MetricNote(DatasetDefinition dataset, DatasetMetric metric)
    {
        if (metric.Rate is { } rate)
        {
            var numerator = dataset.Fields[dataset.IndexOf(rate.Numerator)].Title.ToLowerInvariant();
            var denominator = dataset.Fields[dataset.IndexOf(rate.Denominator)].Title.ToLowerInvariant();
            return $"{numerator} as a percentage of {denominator}, to 2 decimal places; its change is the difference of the two years' percentages, in percentage points. " +
                "Each percentage has a 95% confidence interval by Wilson's score method, and its change one by Newcombe's hybrid score method, each limit rounded once to 2 decimal places.";
        }

        if (metric.PerPopulation is { } perPopulation)
        {
            var counted = dataset.Fields[dataset.IndexOf(perPopulation.Count)].Title.ToLowerInvariant();
            var people = dataset.Populations.TryGetValue(perPopulation.Population, out var table) ? $"{table.Title.ToLowerInvariant()} ({table.Source.TrimEnd('.')})" : perPopulation.Population;
            return string.Create(CultureInfo.InvariantCulture, $"{counted} per {perPopulation.Per:N0} people, to 2 decimal places: the count over the estimate of {people} for the latest year not after the year each period ends. Its change is the difference of the two years' rates. ") +
                "Each rate has a 95% confidence interval by Byar's method (the exact Poisson interval for a count below 10), each limit rounded once to 2 decimal places.";
        }

        var field = dataset.Fields[dataset.IndexOf(metric.Count!)];
        return (field.Description ?? field.Title) + " The change in percent is to 2 decimal places.";
    }
}
