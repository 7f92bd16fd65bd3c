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

    /// <summary>A row's Notes cell: its marks first (<c>[p] [r]</c>), then its notes, with the marks' note when it has any.</summary>
    public static Cell NotesCell(MetricMarks marks, IEnumerable<int> notes, int? marksNote)
    {
        if (marks == MetricMarks.None || marksNote is not { } note)
        {
            return Tables.NotesCell(notes);
        }

        return Cell.Of($"{marks.Shorthand()} {Tables.NotesCell(notes.Append(note)).Text}");
    }
}
