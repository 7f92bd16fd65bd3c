using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Spreadsheets;
using Pipeline.Core.Summaries;
using Pipeline.Core.Workbooks;

namespace Pipeline.Core.Tests.Spreadsheets;

/// <summary>The cover's optional rows: the release's dates when a release is given (none is today), the contact when configured.</summary>
public sealed class WorkbookCoverTests
{
    private static readonly DatasetDefinition Dataset = DatasetRegistry.BuiltIn.Default;

    private static readonly SummaryDocument Document =
        SummaryJson.Deserialize(File.ReadAllBytes(RepositoryRoot.Combine("tests", "Pipeline.Functions.Tests", "Snapshots", "summary-calendar-2024.json")));

    [Fact]
    public async Task A_release_gives_the_cover_its_published_and_next_release_rows_and_a_contact_its_row()
    {
        var release = new WorkbookRelease(new DateTimeOffset(2026, 3, 12, 9, 30, 0, TimeSpan.Zero), "11 June 2026");

        var with = await CoverAsync(new CoverDetails("Statistics team, stats@example.org", release));
        var without = await CoverAsync(new CoverDetails(null, null));
        var unannounced = await CoverAsync(new CoverDetails(null, release with { NextRelease = null }));

        Assert.Equal(("12 March 2026", "11 June 2026", "Statistics team, stats@example.org"), (with["Published"], with["Next release"], with["Contact"]));
        Assert.DoesNotContain("Published", without.Keys);
        Assert.DoesNotContain("Next release", without.Keys);
        Assert.DoesNotContain("Contact", without.Keys);
        Assert.Equal("Not yet announced", unannounced["Next release"]);
        Assert.Equal(["What this is", "Period", "Source", "Figures computed", "Contents", "Notes", "Shorthand", "[z]", "[x]"], without.Keys);
    }

    [Fact]
    public void The_file_name_is_the_dataset_basis_and_period_in_lower_case_with_dashes()
    {
        Assert.Equal("serious-youth-violence-calendar-2024.ods", SummaryWorkbook.FileName(Document, null));
        Assert.Equal("serious-youth-violence-calendar-2024-e08000025.ods", SummaryWorkbook.FileName(Document, "E08000025"));
        Assert.Equal("serious-youth-violence-every-quarter.ods", SeriesWorkbook.FileName(Dataset, null));
    }

    [Fact]
    public async Task A_rate_per_population_with_no_population_is_x_with_the_note_that_says_why()
    {
        // Birmingham as though its population file had no row for it: its rate, limits and change are null (section 13).
        var first = Document.Areas[0];
        var index = first.Metrics.ToList().FindIndex(m => m.PerPopulation is not null);
        var none = first.Metrics[index] with
        {
            PerPopulation = new PopulationRateMetric(null, null, null, null, null, null, null, null, null, "There is no population for E08000025."),
        };
        var document = Document with { Areas = [first with { Metrics = [.. first.Metrics.Select((m, i) => i == index ? none : m)] }, .. Document.Areas.Skip(1)] };

        var sheets = SummaryWorkbook.Sheets(Dataset, document, new CoverDetails(null, null));
        var notes = await RowsAsync(sheets.Single(s => s.Name == "Notes"));
        var table = await RowsAsync(sheets.Single(s => s.Name == $"Table_{index + 2}"));

        var x = notes.Single(r => r[1].Text.StartsWith("[x] stands for", StringComparison.Ordinal))[0].Text;
        Assert.Equal(["E08000025", "[x]", "[x]", "[x]", "[x]", "[x]", "[x]", "[x]", $"[note 1] [note {index + 2}] {x}"], table[0].Where((_, i) => i != 1).Select(c => c.Text));
        Assert.Equal(CellKind.Shorthand, table[0][2].Kind);
        Assert.DoesNotContain(x, table[1][^1].Text, StringComparison.Ordinal);
    }

    private static async Task<List<IReadOnlyList<Cell>>> RowsAsync(Sheet sheet)
    {
        var rows = new List<IReadOnlyList<Cell>>();
        await foreach (var row in sheet.Rows(CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<Dictionary<string, string>> CoverAsync(CoverDetails cover)
    {
        var sheet = SummaryWorkbook.Sheets(Dataset, Document, cover)[0];
        Assert.Equal("Cover", sheet.Name);
        var rows = new Dictionary<string, string>();
        await foreach (var row in sheet.Rows(CancellationToken.None))
        {
            Assert.Equal([CellKind.Text, CellKind.Text], row.Select(c => c.Kind));
            rows.Add(row[0].Text, row[1].Text);
        }

        return rows;
    }
}
