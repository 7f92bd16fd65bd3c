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
        Assert.Equal(["What this is", "Period", "Source", "Figures computed", "Contents", "Notes", "Shorthand", "[z]"], without.Keys);
    }

    [Fact]
    public void The_file_name_is_the_dataset_basis_and_period_in_lower_case_with_dashes()
    {
        Assert.Equal("serious-youth-violence-calendar-2024.ods", SummaryWorkbook.FileName(Document, null));
        Assert.Equal("serious-youth-violence-calendar-2024-e08000025.ods", SummaryWorkbook.FileName(Document, "E08000025"));
        Assert.Equal("serious-youth-violence-every-quarter.ods", SeriesWorkbook.FileName(Dataset, null));
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
