using System.Runtime.CompilerServices;
using Pipeline.Core.Datasets;
using Pipeline.Core.Series;
using Pipeline.Core.Spreadsheets;

namespace Pipeline.Core.Workbooks;

/// <summary>
/// Every accepted quarter as a workbook (docs/contract.md section 14): the cover, contents and notes, then Table_1, the
/// totals of every field by quarter, and a table per field with a row per area and a column per quarter. A quarter
/// whose return did not include an area holds [x]. The tables by area are written as the series is read, a run of
/// areas at a time, so the workbook of a national series is never held whole.
/// </summary>
public static class SeriesWorkbook
{
    /// <summary>The shorthand a series' tables can hold.</summary>
    public static IReadOnlyList<Shorthand> Shorthand { get; } = [Spreadsheets.Shorthand.NotAvailable];

    public static string Title(DatasetDefinition dataset, SeriesDocument totals)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(totals);
        return totals.Quarters.Count == 0 ? $"{dataset.Title}: every quarter"
            : $"{dataset.Title}: every quarter, {totals.Quarters[0].Quarter} to {totals.Quarters[^1].Quarter}";
    }

    /// <summary>"serious-youth-violence-every-quarter.ods", with the area's code before "-every-quarter" for one area's.</summary>
    public static string FileName(DatasetDefinition dataset, string? area)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return area is null ? $"{dataset.Id}-every-quarter.ods" : $"{dataset.Id}-{Tables.FileNamePart(area)}-every-quarter.ods";
    }

    public static IReadOnlyList<Sheet> Sheets(DatasetDefinition dataset, SeriesAreas series, CoverDetails cover)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(cover);
        var quarters = series.Totals.Quarters;
        var notes = new List<string>
        {
            "Each quarter's figures are those of the latest return accepted for it: a corrected return replaces the figures of the one before it. " +
            "An area's name is the one most of its returns give.",
        };
        notes.AddRange(dataset.Fields.Select(f => $"{f.Title}: {f.Description ?? f.Title}"));
        notes.Add("[x] stands for a quarter whose return did not include the area.");
        var x = notes.Count;

        var tables = new List<Sheet>
        {
            Sheet.Of(
                Tables.SheetName(1),
                $"Table 1: {Title(dataset, series.Totals)}, all areas",
                [new Column("Quarter", Tables.Code), .. dataset.Fields.Select(f => new Column(f.Title, Tables.Figure)), new Column("Notes", Tables.NotesWidth)],
                quarters.Select(q => (IReadOnlyList<Cell>)[Cell.Of(q.Quarter.ToString()), .. q.Total.Select(Tables.Count), Tables.NotesCell([1, .. Enumerable.Range(2, dataset.Fields.Count)])])),
        };
        for (var f = 0; f < dataset.Fields.Count; f++)
        {
            var field = f;
            tables.Add(new Sheet(
                Tables.SheetName(f + 2),
                $"Table {f + 2}: {dataset.Fields[f].Title} by area and quarter",
                [new Column("Area code", Tables.Code), new Column("Area name", Tables.Name), .. quarters.Select(q => new Column(q.Quarter.ToString(), Tables.Figure * 0.75)), new Column("Notes", Tables.NotesWidth)],
                token => AreaRows(series, field, [1, field + 2], x, token)));
        }

        var lines = new (string, string)[]
        {
            ("Period", quarters.Count == 0 ? "No quarter yet." : $"Every quarter accepted, {quarters[0].Quarter} to {quarters[^1].Quarter} ({quarters.Count} quarters)."),
            ("Source", "Quarterly returns sent by the partners and accepted by validation, one file a quarter, each area's figures as the return gives them, and their sum for all areas."),
        };
        return [cover.Sheet(Title(dataset, series.Totals), dataset, lines, Tables.ShorthandOf(dataset, Shorthand)), Tables.Contents(tables), Tables.Notes(notes), .. tables];
    }

    /// <summary>The series records no time of its own: the package has none (a series' bytes depend on its figures alone).</summary>
    public static WorkbookProperties Properties(DatasetDefinition dataset, SeriesAreas series)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(series);
        return new(Title(dataset, series.Totals), dataset.Description ?? dataset.Title, null);
    }

    private static async IAsyncEnumerable<IReadOnlyList<Cell>> AreaRows(SeriesAreas series, int field, int[] notes, int x, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var missing = Cell.Of(Spreadsheets.Shorthand.NotAvailable);
        await foreach (var area in series.Areas(cancellationToken).WithCancellation(cancellationToken))
        {
            var row = new Cell[area.ByQuarter.Count + 3];
            row[0] = Cell.Of(area.Code);
            row[1] = Cell.Of(area.Name);
            var absent = false;
            for (var q = 0; q < area.ByQuarter.Count; q++)
            {
                absent |= area.ByQuarter[q] is null;
                row[q + 2] = area.ByQuarter[q] is { } counts ? Tables.Count(counts[field]) : missing;
            }

            row[^1] = Tables.NotesCell(absent ? notes.Append(x) : notes);
            yield return row;
        }
    }
}
