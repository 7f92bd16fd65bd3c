using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Spreadsheets;

namespace Pipeline.Core.Workbooks;

/// <summary>
/// The [p] and [r] marks of a release's figures in a summary's workbook (docs/contract.md sections 11 and 14). A mark
/// belongs to a row (one measure of all areas, or of one area), so it goes in the row's Notes cell, before the notes it
/// refers to, never in a figure's cell: figures stay numbers. Only a dataset published in releases has them; its
/// workbook also has a note saying what they mean, and a cover line. Other datasets' workbooks do not change.
/// </summary>
internal static class WorkbookMarks
{
    /// <summary>The note that explains the marks, or null for a dataset published continuously.</summary>
    public static string? Note(DatasetDefinition dataset) => dataset.IsScheduled
        ? $"{Shorthand.Provisional.Symbol} provisional: the comparison rests on one of the latest {dataset.Publication!.ProvisionalQuarters} quarters of the release, " +
          $"whose figures may still be revised. {Shorthand.Revised.Symbol} revised: the row's figures differ from those of the release that first published them. " +
          "A row with a withheld figure has no mark."
        : null;

    /// <summary>The cover's line on the marks, or none.</summary>
    public static IEnumerable<(string, string)> CoverLines(DatasetDefinition dataset) => dataset.IsScheduled
        ? [("Marks", $"A table's Notes column gives {Shorthand.Provisional.Symbol} ({Shorthand.Provisional.Meaning.TrimEnd('.')}) and {Shorthand.Revised.Symbol} ({Shorthand.Revised.Meaning.TrimEnd('.')}) where they apply to the row's figures.")]
        : [];

    /// <summary>Adds <paramref name="note"/> to <paramref name="notes"/>; its number.</summary>
    public static int Add(List<string> notes, string note)
    {
        notes.Add(note);
        return notes.Count;
    }

    /// <summary>
    /// <paramref name="row"/> with its marks at the start of its Notes cell (its last), and the marks' note, numbered
    /// last, at its end: <c>[p] [note 1] [note 2] [note 6]</c>. A row without marks is as it was.
    /// </summary>
    public static IReadOnlyList<Cell> Mark(IReadOnlyList<Cell> row, MetricMarks marks, int? marksNote)
    {
        if (marks == MetricMarks.None || marksNote is not { } note)
        {
            return row;
        }

        var notes = row[^1].Text;
        return [.. row.Take(row.Count - 1), Cell.Of($"{marks.Shorthand()} {notes}{(notes.Length > 0 ? " " : string.Empty)}{Tables.Ref(note)}")];
    }
}
