using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Spreadsheets;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Workbooks;

/// <summary>
/// The summary's table columns and rows. A rate or a rate per population sits beside the lower and upper limits of its
/// 95% confidence interval (section 13), in columns of their own as the guidance asks, never in brackets in one cell.
/// </summary>
public static partial class SummaryWorkbook
{
    private static Column[] TotalColumns(string previous, string current) =>
    [
        new("Measure", Tables.Measure),
        new(previous, Tables.Figure), new($"{previous} lower 95% limit", Tables.Figure), new($"{previous} upper 95% limit", Tables.Figure),
        new(current, Tables.Figure), new($"{current} lower 95% limit", Tables.Figure), new($"{current} upper 95% limit", Tables.Figure),
        new("Change", Tables.Figure), new("Change (%)", Tables.Figure), new("Change (percentage points)", Tables.Figure),
        new("Change lower 95% limit (percentage points)", Tables.Figure), new("Change upper 95% limit (percentage points)", Tables.Figure),
        new("Notes", Tables.NotesWidth),
    ];

    private static Column[] AreaColumns(DatasetMetric metric, string previous, string current)
    {
        Column[] area = [new("Area code", Tables.Code), new("Area name", Tables.Name)];
        Column notes = new("Notes", Tables.NotesWidth);
        if (metric.Rate is not null)
        {
            return [.. area, .. Limits($"{previous} (%)", previous, " (%)"), .. Limits($"{current} (%)", current, " (%)"),
                .. Limits("Change (percentage points)", "Change", " (percentage points)"), notes];
        }

        return metric.PerPopulation is not null
            ? [.. area, .. Limits(previous, previous, ""), .. Limits(current, current, ""), new("Change", Tables.Figure), notes]
            : [.. area, new(previous, Tables.Figure), new(current, Tables.Figure), new("Change", Tables.Figure), new("Change (%)", Tables.Figure), notes];
    }

    /// <summary>A figure's column and its interval's two: "2024 (%)", "2024 lower 95% limit (%)", "2024 upper 95% limit (%)".</summary>
    private static Column[] Limits(string figure, string stem, string unit) =>
        [new(figure, Tables.Figure), new($"{stem} lower 95% limit{unit}", Tables.Figure), new($"{stem} upper 95% limit{unit}", Tables.Figure)];

    private static IReadOnlyList<Cell> TotalRow(DatasetDefinition dataset, DatasetMetric metric, MetricResult result, int[] notes, int x)
    {
        var z = Cell.Of(Spreadsheets.Shorthand.NotApplicable);
        var measure = Headlines.Title(dataset, metric);
        if (result.Rate is { } rate)
        {
            return [Cell.Of(measure + " (%)"), .. Periods(rate), z, z, .. Change(rate), Tables.NotesCell(notes)];
        }

        if (result.PerPopulation is { } per)
        {
            var figures = Figures(per);
            return [Cell.Of(measure), .. figures, z, z, z, z, Tables.NotesCell(With(Spreadsheets.Shorthand.NotAvailable, x, figures, notes))];
        }

        var count = result.Count!;
        return [Cell.Of(measure), Tables.Count(count.Previous), z, z, Tables.Count(count.Current), z, z, Tables.Count(count.Change), Rate(count.ChangePercent), z, z, z, Tables.NotesCell(notes)];
    }

    private static IReadOnlyList<Cell> AreaRow(AreaComparison area, MetricResult result, int[] notes, int z, int x)
    {
        Cell[] figures = result switch
        {
            { Rate: { } rate } => [.. Periods(rate), .. Change(rate)],
            { PerPopulation: { } per } => Figures(per),
            _ => [Tables.Count(result.Count!.Previous), Tables.Count(result.Count.Current), Tables.Count(result.Count.Change), Rate(result.Count.ChangePercent)],
        };
        var withNotes = With(Spreadsheets.Shorthand.NotAvailable, x, figures, With(Spreadsheets.Shorthand.NotApplicable, z, figures, notes));
        return [Cell.Of(area.Code), Cell.Of(area.Name), .. figures, Tables.NotesCell(withNotes)];
    }

    /// <summary>A rate's two periods, each followed by its interval's limits.</summary>
    private static Cell[] Periods(RateMetric rate) =>
        [Rate(rate.Previous), Rate(rate.PreviousLower), Rate(rate.PreviousUpper), Rate(rate.Current), Rate(rate.CurrentLower), Rate(rate.CurrentUpper)];

    /// <summary>A rate's change in percentage points followed by its interval's limits.</summary>
    private static Cell[] Change(RateMetric rate) => [Rate(rate.ChangePoints), Rate(rate.ChangeLower), Rate(rate.ChangeUpper)];

    /// <summary>A rate per population's two periods, each followed by its interval's limits, then its change.</summary>
    private static Cell[] Figures(PopulationRateMetric per) =>
        [PerPeople(per.Previous), PerPeople(per.PreviousLower), PerPeople(per.PreviousUpper), PerPeople(per.Current), PerPeople(per.CurrentLower), PerPeople(per.CurrentUpper), PerPeople(per.Change)];

    /// <summary>The notes, with <paramref name="note"/> (what <paramref name="shorthand"/> stands for) when a figure holds it.</summary>
    private static IEnumerable<int> With(Shorthand shorthand, int note, Cell[] figures, IEnumerable<int> notes) =>
        figures.Any(f => f.Kind == CellKind.Shorthand && f.Text == shorthand.Symbol) ? notes.Append(note) : notes;

    private static Cell Rate(decimal? value) => Tables.Number(value, 2, Spreadsheets.Shorthand.NotApplicable);

    /// <summary>A rate per population, or [x] where there is no population to give it (section 13).</summary>
    private static Cell PerPeople(decimal? value) => Tables.Number(value, 2, Spreadsheets.Shorthand.NotAvailable);
}
