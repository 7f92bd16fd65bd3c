using System.Globalization;
using Pipeline.Core.Datasets;
using Pipeline.Core.Spreadsheets;

namespace Pipeline.Core.Workbooks;

/// <summary>The parts every workbook shares: the contents and notes sheets, the tables' names and the columns' widths.</summary>
internal static class Tables
{
    public const double Code = 3, Name = 7, Figure = 3.2, NotesWidth = 4.5, Measure = 9;

    /// <summary>The name of the <paramref name="number"/>th table's sheet (from 1): "Table_1".</summary>
    public static string SheetName(int number) => string.Create(CultureInfo.InvariantCulture, $"Table_{number}");

    /// <summary>A note's reference, as the guidance writes them: "[note 2]".</summary>
    public static string Ref(int note) => string.Create(CultureInfo.InvariantCulture, $"[note {note}]");

    /// <summary>The notes a row refers to, in number order, as one cell.</summary>
    public static Cell NotesCell(IEnumerable<int> notes) => Cell.Of(string.Join(' ', notes.Distinct().Order().Select(Ref)));

    /// <summary>
    /// A count's cell: GSS's <c>[c]</c> where disclosure control withheld it (docs/contract.md section 12; a spreadsheet
    /// uses the GSS shorthand whatever symbol the dataset's pages use), else the number.
    /// </summary>
    public static Cell Count(long count) => Withheld.Is(count) ? Cell.Of(Shorthand.Withheld) : Cell.Of(count);

    /// <summary>A percentage's or rate's cell: <c>[c]</c> where withheld, <paramref name="missing"/> where there is none.</summary>
    public static Cell Number(decimal? value, int decimals, Shorthand missing) =>
        Withheld.Is(value) ? Cell.Of(Shorthand.Withheld) : Cell.Of(value, decimals, missing);

    /// <summary>The shorthand a workbook's cover lists: <paramref name="used"/>, and <c>[c]</c> for a dataset with a disclosure rule.</summary>
    public static IReadOnlyList<Shorthand> ShorthandOf(DatasetDefinition dataset, IReadOnlyList<Shorthand> used) =>
        dataset.Disclosure is null ? used : [Shorthand.Withheld, .. used];

    public static Sheet Contents(IReadOnlyList<Sheet> tables) => Sheet.Of(
        "Contents",
        "Contents",
        [new Column("Sheet name", Code), new Column("Table description", 20, Wrap: true)],
        [
            [Cell.LinkTo("Notes"), Cell.Of("Notes: what each note a table refers to says")],
            .. tables.Select(t => (IReadOnlyList<Cell>)[Cell.LinkTo(t.Name), Cell.Of(t.Title)]),
        ]);

    public static Sheet Notes(IReadOnlyList<string> notes) => Sheet.Of(
        "Notes",
        "Notes",
        [new Column("Note number", Code), new Column("Note text", 24, Wrap: true)],
        notes.Select((text, i) => (IReadOnlyList<Cell>)[Cell.Of(Ref(i + 1)), Cell.Of(text)]));

    /// <summary>"year ending September 2024" becomes "Year ending September 2024"; "2024" stays.</summary>
    public static string Capitalised(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    /// <summary>A name for a file: lower case, words joined by dashes, nothing else (ONS's rule for file names).</summary>
    public static string FileNamePart(string text) =>
        string.Join('-', text.ToLowerInvariant().Split([.. text.Where(c => !char.IsAsciiLetterOrDigit(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries));
}
