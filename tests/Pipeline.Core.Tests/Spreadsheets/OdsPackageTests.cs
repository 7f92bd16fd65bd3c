using System.IO.Compression;
using System.Xml.Linq;
using Pipeline.Core.Spreadsheets;

namespace Pipeline.Core.Tests.Spreadsheets;

/// <summary>The format's rules in <see cref="OdsPackage"/>: what it refuses before writing, and how it writes what it takes.</summary>
public sealed class OdsPackageTests
{
    private static readonly WorkbookProperties Properties = new("Title", "Description", new DateTimeOffset(2025, 1, 5, 2, 0, 0, TimeSpan.Zero));

    private static readonly Column[] TwoColumns = [new("Area name", 5), new("Offences", 3)];

    [Theory]
    [InlineData("", "A sheet name is empty.")]
    [InlineData("Table_1_with_a_name_of_31_chars", "Sheet name 'Table_1_with_a_name_of_31_chars' is longer than 30 characters.")]
    [InlineData("Table[1]", "Sheet name 'Table[1]' has one of the characters []*?/\\:'.")]
    [InlineData("Q1/Q2", "Sheet name 'Q1/Q2' has one of the characters []*?/\\:'.")]
    public async Task A_sheet_name_spreadsheets_refuse_is_refused_before_anything_is_written(string name, string problem)
    {
        using var output = new MemoryStream();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => OdsPackage.WriteAsync(output, Properties, [Sheet.Of(name, "Title", TwoColumns, [])]));

        Assert.StartsWith(problem, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task Two_sheets_of_one_name_in_any_case_are_refused()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => OdsPackage.ToBytesAsync(Properties, [Sheet.Of("Notes", "A", TwoColumns, []), Sheet.Of("NOTES", "B", TwoColumns, [])]));

        Assert.StartsWith("Two sheets are named 'NOTES'.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_without_a_cell_for_every_column_or_with_a_blank_cell_is_refused()
    {
        var short_ = await Assert.ThrowsAsync<ArgumentException>(() => OdsPackage.ToBytesAsync(Properties, [Sheet.Of("Table_1", "T", TwoColumns, [[Cell.Of("Dudley")]])]));
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => OdsPackage.ToBytesAsync(Properties, [Sheet.Of("Table_1", "T", TwoColumns, [[Cell.Of("Dudley"), default]])]));

        Assert.StartsWith("A row of sheet 'Table_1' has 1 cells for 2 columns.", short_.Message, StringComparison.Ordinal);
        Assert.StartsWith("A row of sheet 'Table_1' has a blank cell.", blank.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Cell.Of(string.Empty));
    }

    [Fact]
    public async Task Numbers_are_floats_with_their_places_and_shorthand_and_control_characters_are_text()
    {
        var bytes = await OdsPackage.ToBytesAsync(Properties, [Sheet.Of("Table_1", "T", [.. TwoColumns, new("Change (%)", 3)], [
            [Cell.Of("Bad\u0001name"), Cell.Of(12345), Cell.Of(-10.2m, 2)],
            [Cell.Of("Dudley"), Cell.Of(Shorthand.NotAvailable), Cell.Of(null, 2, Shorthand.NotApplicable)],
        ])]);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var content = zip.GetEntry("content.xml")!.Open();
        XNamespace table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0", office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
        var cells = XDocument.Load(content).Descendants(table + "table-row").Skip(2)
            .Select(r => r.Elements(table + "table-cell").Select(c => ((string?)c.Attribute(office + "value-type"), (string?)c.Attribute(office + "value"), c.Value)).ToList()).ToList();
        Assert.Equal([("string", null, "Bad\uFFFDname"), ("float", "12345", "12,345"), ("float", "-10.2", "-10.20")], cells[0]);
        Assert.Equal([("string", null, "Dudley"), ("string", null, "[x]"), ("string", null, "[z]")], cells[1]);
        Assert.Equal(new DateTime(2025, 1, 5, 2, 0, 0), zip.Entries[0].LastWriteTime.DateTime);
    }
}
