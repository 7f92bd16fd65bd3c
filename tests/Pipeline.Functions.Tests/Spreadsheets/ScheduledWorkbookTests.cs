using Pipeline.Core.Returns;
using Pipeline.Testing.Spreadsheets;

namespace Pipeline.Functions.Tests.Spreadsheets;

/// <summary>
/// The workbook of a dataset published in releases (docs/contract.md sections 11 and 14): its cover says when the figures
/// it holds were published and when the next release is due, in London time; the series' workbook's tag changes when the
/// next release is announced, since its cover does.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduledWorkbookTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset First = new(2027, 1, 14, 9, 30, 0, TimeSpan.Zero); // 09:30 GMT

    [Fact]
    public async Task The_cover_of_a_released_workbook_gives_its_publication_and_the_next_release()
    {
        using var app = PipelineHarness.Over(azurite, ScheduledDataset.Settings(azurite), Start);
        foreach (var (quarter, b, c) in new[] { ("2025-Q3", 100L, 50L), ("2025-Q4", 110L, 40L), ("2026-Q3", 120L, 60L), ("2026-Q4", 130L, 70L) })
        {
            Assert.Equal(UploadStatus.Accepted, await ReleaseCalls.SendAsync(app, quarter + ".csv", ScheduledDataset.Return(quarter, b, b / 2, c, c / 2)));
        }

        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-diversions", "date": "2027-01-14", "through": "2026-Q4"}""")).StatusCode);
        app.Clock.SetUtcNow(First);

        var (summary, _) = await CoverAsync(app, "&format=ods");
        Assert.Equal("14 January 2027", summary["Published"]);
        Assert.Equal("Not yet announced", summary["Next release"]);
        var (series, before) = await CoverAsync(app, "&format=ods", series: true);
        Assert.Equal("14 January 2027", series["Published"]);

        // The next release announced: 15 April 2027 at 09:30, British summer time.
        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-diversions", "date": "2027-04-15", "through": "2027-Q1"}""")).StatusCode);
        var (announced, after) = await CoverAsync(app, "&format=ods", series: true);
        Assert.Equal("14 January 2027", announced["Published"]);
        Assert.Equal("9:30am on Thursday 15 April 2027 (BST)", announced["Next release"]);
        Assert.NotEqual(before, after);
    }

    private static async Task<(Dictionary<string, string> Cover, string ETag)> CoverAsync(PipelineHarness app, string query, bool series = false)
    {
        var response = series ? await ReleaseCalls.SeriesAsync(app, query) : await ReleaseCalls.SummaryAsync(app, query);
        Assert.Equal(200, response.StatusCode);
        var file = Path.Combine(Directory.CreateTempSubdirectory("scheduled-ods-").FullName, "workbook.ods");
        await File.WriteAllBytesAsync(file, response.Body());
        var read = (await SpreadsheetReaders.OdfPyAsync([file]))[file];
        var cover = read["sheets"]!.AsArray()[0]!["rows"]!.AsArray().Skip(1).ToDictionary(r => (string)r![0]!["text"]!, r => (string)r![1]!["text"]!);
        return (cover, response.Headers.ETag.ToString());
    }
}
