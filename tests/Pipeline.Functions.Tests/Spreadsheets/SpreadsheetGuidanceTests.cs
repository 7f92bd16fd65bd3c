using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Pipeline.Functions.Tests.Spreadsheets;

/// <summary>
/// The guidance's points for accessible spreadsheets checked mechanically on every workbook the API serves, as odfpy
/// reads them: the sheets' order and names, a title in A1, one header row, no blank or merged cell, numbers as numbers,
/// widths set, links and notes that resolve, the cover's fields; the package's structure; hostile text kept as text.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SpreadsheetGuidanceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] TextColumns = ["Area code", "Area name", "Measure", "Quarter", "Notes", "Sheet name", "Table description", "Note number", "Note text"];

    private MadeWorkbooks _made = null!;

    public async Task InitializeAsync() => _made = await MadeWorkbooks.GetAsync(azurite);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("summary", "serious-youth-violence-calendar-2024.ods", 5, "[z]")]
    [InlineData("admissions-summary", "violence-admissions-calendar-2024.ods", 3, "[z]")]
    [InlineData("series", "serious-youth-violence-every-quarter.ods", 3, "[x]")]
    [InlineData("admissions-series", "violence-admissions-every-quarter.ods", 2, "[x]")]
    public void The_workbook_is_served_as_ods_under_a_file_name_from_the_dataset_basis_and_period(string kind, string file, int tables, string shorthand)
    {
        var response = _made.Responses[kind];
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/vnd.oasis.opendocument.spreadsheet", response.ContentType);
        Assert.Equal($"attachment; filename=\"{file}\"", response.Headers.ContentDisposition.ToString());
        Assert.StartsWith("\"", response.Headers.ETag.ToString(), StringComparison.Ordinal);

        var sheets = Sheets(kind);
        Assert.Equal(["Cover", "Contents", "Notes", .. Enumerable.Range(1, tables + 1).Select(i => $"Table_{i}")], sheets.Select(s => (string)s["name"]!));
        var cover = sheets[0]["rows"]!.AsArray().Skip(1).ToDictionary(r => (string)r![0]!["text"]!, r => (string)r![1]!["text"]!);
        Assert.Equal(MadeWorkbooks.Contact, cover["Contact"]);
        Assert.Contains(_made.Datasets.All.Single(d => file.StartsWith(d.Id, StringComparison.Ordinal)).Description!, cover["What this is"], StringComparison.Ordinal);
        Assert.StartsWith(shorthand == "[z]" ? "Not applicable" : "Not available", cover[shorthand], StringComparison.Ordinal);
        Assert.Contains("Period", cover.Keys);
        Assert.Contains("Source", cover.Keys);
        Assert.DoesNotContain("Published", cover.Keys); // Published continuously: the cover has no release dates (ScheduledWorkbookTests has them).
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("admissions-summary")]
    [InlineData("series")]
    [InlineData("admissions-series")]
    [InlineData("hostile")]
    public void Every_sheet_follows_the_guidance(string kind)
    {
        var sheets = Sheets(kind);
        Assert.Equal(sheets.Count, sheets.Select(s => (string)s["name"]!).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var notes = sheets.Single(s => (string)s["name"]! == "Notes")["rows"]!.AsArray().Count - 2;
        foreach (var sheet in sheets)
        {
            var name = (string)sheet["name"]!;
            var rows = sheet["rows"]!.AsArray().Select(r => r!.AsArray().Select(c => c!).ToList()).ToList();
            Assert.InRange(name.Length, 1, 30);
            var title = Assert.Single(rows[0]); // The title alone in A1.
            Assert.Equal("string", (string?)title["type"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)title["text"]), $"{kind} {name}: A1 is blank");
            var columns = sheet["columns"]!.AsArray();
            Assert.All(columns, w => Assert.Matches("^[0-9.]+cm$", (string?)w ?? ""));
            var width = name == "Cover" ? 2 : rows[1].Count;
            Assert.Equal(width, columns.Count);
            foreach (var (row, r) in rows.Select((row, r) => (row, r)).Skip(1))
            {
                Assert.True(row.Count == width, $"{kind} {name} row {r + 1} has {row.Count} cells for {width} columns");
                Assert.All(row, c => Assert.False(string.IsNullOrWhiteSpace((string?)c["text"]), $"{kind} {name} row {r + 1}: a blank cell"));
                Assert.All(row, c => Assert.Null((string?)c["formula"]));
                Assert.All(row, c => Assert.False((bool)c["merged"]!));
            }

            if (name == "Cover")
            {
                continue;
            }

            var header = rows[1].Select(c => (string)c["text"]!).ToList();
            Assert.All(rows[1], c => Assert.Equal("string", (string?)c["type"])); // One header row, of text.
            for (var c = 0; c < header.Count; c++)
            {
                var numbers = !TextColumns.Contains(header[c]);
                foreach (var row in rows.Skip(2))
                {
                    var cell = row[c];
                    var text = (string)cell["text"]!;
                    if (numbers)
                    {
                        // A figure is a number (formatted, not text); where there is none, a shorthand alone.
                        Assert.True((string?)cell["type"] == "float" || Shorthand().IsMatch(text), $"{kind} {name} '{header[c]}': '{text}' is neither a number nor a shorthand");
                    }
                    else if (header[c] == "Notes")
                    {
                        Assert.Matches(@"^\[note \d+\]( \[note \d+\])*$", text);
                        Assert.All(Regex.Matches(text, @"\d+").Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)), n => Assert.InRange(n, 1, notes));
                    }
                }
            }
        }

        var contents = sheets[1]["rows"]!.AsArray().Skip(2).Select(r => (string?)r![0]!["link"]).ToList();
        Assert.Equal(sheets.Skip(2).Select(s => $"#{(string)s["name"]!}.A1"), contents);
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("series")]
    [InlineData("hostile")]
    public void The_package_starts_with_the_stored_mimetype_and_its_manifest_lists_every_part(string kind)
    {
        var bytes = File.ReadAllBytes(_made.Files[kind]);
        Assert.Equal("PK\u0003\u0004", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 8)); // Stored, not compressed.
        Assert.Equal(8, BitConverter.ToUInt16(bytes, 26)); // The name's length...
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 28)); // ...and no extra field, so the type sits at offset 38.
        Assert.Equal("mimetypeapplication/vnd.oasis.opendocument.spreadsheet", Encoding.ASCII.GetString(bytes, 30, 54));

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Equal("mimetype", zip.Entries[0].FullName);
        XNamespace manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
        using var stream = zip.GetEntry("META-INF/manifest.xml")!.Open();
        var listed = XDocument.Load(stream).Descendants(manifest + "file-entry").Select(e => (string)e.Attribute(manifest + "full-path")!).ToList();
        Assert.Equal(["/", "content.xml", "meta.xml", "styles.xml"], listed.Order(StringComparer.Ordinal));
        Assert.Equal(["META-INF/manifest.xml", "content.xml", "meta.xml", "mimetype", "styles.xml"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_title_and_an_area_name_with_markup_quotes_and_a_leading_equals_sign_stay_text_exactly()
    {
        var calc = _made.Calc("hostile");
        var read = Sheets("hostile");

        Assert.Equal($"{MadeWorkbooks.HostileTitle}: 2024 compared with 2023", calc["Cover"][0][0]);
        Assert.Equal(MadeWorkbooks.HostileArea, calc["Table_2"][2][1]);
        var cell = read[3 + 1]["rows"]![2]![1]!;
        Assert.Equal(("string", MadeWorkbooks.HostileArea, null), ((string?)cell["type"], (string?)cell["text"], (string?)cell["formula"]));
        Assert.Equal(MadeWorkbooks.HostileTitle + ": 2024 compared with 2023", (string?)read[0]["rows"]![0]![0]!["text"]);
    }

    private List<JsonNode> Sheets(string kind) => [.. _made.Read(kind)["sheets"]!.AsArray().Select(s => s!)];

    [GeneratedRegex(@"^\[(c|z|x|p|r)\]$")]
    private static partial Regex Shorthand();
}
