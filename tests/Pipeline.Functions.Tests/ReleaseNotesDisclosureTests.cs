using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;
using Pipeline.Testing.Disclosure;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Release notes of a scheduled dataset with a disclosure rule (issue #26, docs/method.md "Release notes"): two releases
/// of <c>youth-referrals</c> (counts of 1 to 7 withheld, others rounded to 5) with a correction between them, read
/// through the functions against Azurite. The expected notes are worked by hand from the returns below and the rule in
/// contract section 12, and the checker is run over everything both releases publish, the notes included.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReleaseNotesDisclosureTests(AzuriteFixture azurite)
{
    private const string Dataset = ProtectedScheduledDataset.Id;
    private const string Reason = "Referrals recounted in four areas";
    private static readonly DateTimeOffset Start = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset First = new(2027, 1, 14, 9, 30, 0, TimeSpan.Zero); // 09:30 GMT
    private static readonly DateTimeOffset Second = new(2027, 4, 15, 8, 30, 0, TimeSpan.Zero); // 09:30 BST

    // Birmingham, Coventry, Dudley, Sandwell, Wolverhampton.
    private static readonly long[] Referrals = [40, 30, 35, 45, 50];
    private static readonly long[] Completions = [30, 10, 15, 20, 25];

    // 2026-Q4 as first sent: Coventry's 6 is small; its partner is the smallest other count, Dudley's 8, so both are
    // withheld; Sandwell's 23 is published as 25, Wolverhampton's 12 as 10. The completions (30, 0, 0, 20, 0) are all
    // published (zero never is withheld).
    private static readonly long[] FirstReferrals = [40, 6, 8, 23, 12];

    // As corrected: Dudley's 7 and Wolverhampton's 4 are small and partner each other; Coventry's 9 is published as 10,
    // Sandwell's 27 as 25 again.
    private static readonly long[] CorrectedReferrals = [40, 9, 7, 27, 4];
    private static readonly long[] FourthCompletions = [30, 0, 0, 20, 0];

    [Fact]
    public async Task The_notes_show_each_revised_figure_as_each_release_published_it_and_give_no_withheld_count_away()
    {
        using var app = PipelineHarness.Over(azurite, ProtectedScheduledDataset.Settings(azurite), Start);
        foreach (var quarter in new[] { "2025-Q3", "2025-Q4", "2026-Q3" })
        {
            await SendAsync(app, quarter + ".csv", ProtectedScheduledDataset.Return(quarter, Referrals, Completions));
        }

        await SendAsync(app, "2026-Q4.csv", ProtectedScheduledDataset.Return("2026-Q4", FirstReferrals, FourthCompletions));
        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-referrals", "date": "2027-01-14", "through": "2026-Q4", "title": "Youth referrals, January 2027"}""")).StatusCode);
        app.Clock.SetUtcNow(First);
        var first = await PublishedAsync(app, ["2025-Q3", "2025-Q4", "2026-Q3", "2026-Q4"]);
        var firstFourth = JsonNode.Parse(first.Series)!["quarters"]![3]!["areas"]!.AsArray();
        Assert.Equal([40, null, null, 25, 10], firstFourth.Select(a => (long?)a!["referrals"]));
        Assert.Equal("[]", first.Revisions.Trim());

        // A correction after the first release, with its reason and kind, and a new quarter: both wait for the second.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.Zero));
        await SendAsync(app, "2026-Q4-v2.csv", ProtectedScheduledDataset.Return("2026-Q4", CorrectedReferrals, FourthCompletions), Reason, "correction");
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 2, 10, 0, 0, TimeSpan.Zero));
        await SendAsync(app, "2027-Q1.csv", ProtectedScheduledDataset.Return("2027-Q1", Referrals, Completions));
        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-referrals", "date": "2027-04-15", "through": "2027-Q1", "title": "Youth referrals, April 2027"}""")).StatusCode);
        app.Clock.SetUtcNow(Second);
        var second = await PublishedAsync(app, ["2025-Q3", "2025-Q4", "2026-Q3", "2026-Q4", "2027-Q1"]);
        var secondFourth = JsonNode.Parse(second.Series)!["quarters"]![3]!["areas"]!.AsArray();
        Assert.Equal([40, 10, null, 25, null], secondFourth.Select(a => (long?)a!["referrals"]));

        // Coventry: withheld, now 10; Wolverhampton: 10, now withheld. Dudley (8 to 7, withheld in both) and Sandwell
        // (23 to 27, 25 in both) are not listed: their published values did not change, and the notes say no more.
        var release = await ReleaseCalls.GetAsync(app, "youth-referrals-2027-04-15");
        Assert.Equal(200, release.StatusCode);
        Assert.Equal(Compact($$"""
            {"id": "youth-referrals-2027-04-15", "dataset": "youth-referrals", "title": "Youth referrals, April 2027",
             "publishAt": "2027-04-15T09:30:00+01:00", "through": "2027-Q1", "status": "published", "moved": [],
             "notes": {"quartersAdded": ["2027-Q1"], "revised": [
               {"quarter": "2026-Q4", "area": "E08000026", "field": "referrals", "previous": null, "previousSuppressed": true, "current": 10, "reason": "{{Reason}}", "kind": "correction"},
               {"quarter": "2026-Q4", "area": "E08000031", "field": "referrals", "previous": 10, "current": null, "currentSuppressed": true, "reason": "{{Reason}}", "kind": "correction"}
             ]}
            }
            """), Compact(release.Text()));
        var calendar = JsonNode.Parse((await ReleaseCalls.ListAsync(app, Dataset)).Body())!.AsArray();
        Assert.Equal(Compact(release.Text()), calendar[0]!.ToJsonString());
        Assert.Equal("""{"quartersAdded":["2025-Q3","2025-Q4","2026-Q3","2026-Q4"],"revised":[]}""", calendar[1]!["notes"]!.ToJsonString());

        var page = (await HttpCall.CallAsync(app, "GET", [], c => new ReleaseCalendarPage(app.Get<Pipeline.Web.Pages.ReleasesPageHandlers>()).RunAsync(c.Request, CancellationToken.None), "?dataset=" + Dataset, anonymous: true, path: "/releases")).Text();
        Assert.Contains($"2026-Q4, E08000026, referrals: [c] revised to 10 (correction): {Reason}</li>", page, StringComparison.Ordinal);
        Assert.Contains($"2026-Q4, E08000031, referrals: 10 revised to [c] (correction): {Reason}</li>", page, StringComparison.Ordinal);
        Assert.Contains("[c] means the figure is withheld to protect confidentiality, and other counts are rounded to the nearest 5.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("E08000027, referrals", page, StringComparison.Ordinal);
        Assert.DoesNotContain("9,223,372,036,854,775,808", page, StringComparison.Ordinal);

        // The checker, over both releases together: 2026-Q4 as first published is other cells than as corrected.
        var definition = app.Get<DatasetRegistry>().Get(Dataset);
        var both = Combined(definition, first, second);
        both.ReadReleaseNotes(release.Body(), PublicFigures.Replaced);
        both.ReadReplacedTotals(second.RevisionsBody, (q, n) => (q, n) == ("2026-Q4", 2) ? PublicFigures.Replaced(q) : null);
        var truth = (await app.Get<IAcceptedQuarterStore>().ListFiguresAsync()).Where(q => q.Dataset == Dataset).ToList();
        var replaced = new Dictionary<string, AcceptedQuarter> { [PublicFigures.Replaced("2026-Q4")] = FirstFourth() };
        var report = DisclosureChecker.Check(definition, truth, both, replaced: replaced);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(4, report.WithheldCells); // Coventry's and Dudley's first 2026-Q4, Dudley's and Wolverhampton's corrected one.

        // The checker reads the notes with teeth: the notes as they were before (exact counts) fail it.
        var exact = Combined(definition, first, second);
        var unprotected = JsonNode.Parse(release.Body())!;
        var coventry = unprotected["notes"]!["revised"]![0]!.AsObject();
        coventry.Remove("previousSuppressed");
        (coventry["previous"], coventry["current"]) = (6, 9);
        exact.ReadReleaseNotes(System.Text.Encoding.UTF8.GetBytes(unprotected.ToJsonString()), PublicFigures.Replaced);
        var failed = DisclosureChecker.Check(definition, truth, exact, replaced: replaced);
        Assert.False(failed.Passed);
        Assert.Contains(failed.Problems, p => p.StartsWith("notes of youth-referrals-2027-04-15 2026-Q4 E08000026 referrals previous: 6 is published", StringComparison.Ordinal));
        Assert.Contains(failed.Problems, p => p.StartsWith("notes of youth-referrals-2027-04-15 2026-Q4 E08000026 referrals current: published 9, but 9 rounds to 10", StringComparison.Ordinal));
    }

    private static PublicFigures Combined(DatasetDefinition definition, Published first, Published second)
    {
        var figures = new PublicFigures(definition, second.SeriesBody, second.Summaries, second.RevisionsBody);
        figures.Include(new PublicFigures(definition, first.SeriesBody, first.Summaries, first.RevisionsBody, q => q == "2026-Q4" ? PublicFigures.Replaced(q) : q));
        return figures;
    }

    private static AcceptedQuarter FirstFourth() =>
        ProtectedDocuments.Accepted(Dataset, ProtectedScheduledDataset.Codes.Select((c, i) => ("2026-Q4", c, new[] { FirstReferrals[i], FourthCompletions[i] }))).Single();

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();

    /// <summary>What a release publishes, read through the functions: the series, every summary of every basis and period, the revision log.</summary>
    private static async Task<Published> PublishedAsync(PipelineHarness app, string[] quarters)
    {
        var series = await HttpCall.GetSeriesAsync(app, "?dataset=" + Dataset);
        Assert.Equal(200, series.StatusCode);
        var summaries = new List<byte[]>();
        foreach (var basis in YearBasisNames.All)
        {
            foreach (var (period, _) in ComparablePeriods.Of(basis, quarters.Select(Quarter.Parse)))
            {
                var summary = await HttpCall.GetSummaryAsync(app, $"?dataset={Dataset}&basis={basis.ToWireName()}&period={period}");
                Assert.Equal(200, summary.StatusCode);
                summaries.Add(summary.Body());
            }
        }

        var revisions = await HttpCall.CallAsync(app, "GET", [], f => ActivatorUtilities.CreateInstance<ListRevisions>(app.Services).RunAsync(f.Request, CancellationToken.None), "?dataset=" + Dataset, anonymous: true, path: "/api/revisions");
        return new Published(series.Body(), summaries, revisions.Body());
    }

    /// <summary>Sends a return straight into storage, with the blob metadata reason and kind when given, and processes it.</summary>
    private static async Task SendAsync(PipelineHarness app, string file, byte[] content, string? reason = null, string? kind = null)
    {
        var name = $"{Dataset}/{file}";
        await app.Uploads.CreateIfNotExistsAsync();
        var metadata = reason is null ? null : new Dictionary<string, string> { ["reason"] = Uri.EscapeDataString(reason), ["kind"] = kind! };
        await app.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = metadata });
        Assert.Equal(UploadStatus.Accepted, (await app.Get<UploadProcessor>().ProcessAsync(name))?.Status);
    }

    private sealed record Published(byte[] SeriesBody, List<byte[]> Summaries, byte[] RevisionsBody)
    {
        public string Series => System.Text.Encoding.UTF8.GetString(SeriesBody);

        public string Revisions => System.Text.Encoding.UTF8.GetString(RevisionsBody);
    }
}
