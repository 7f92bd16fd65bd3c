using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Datasets;
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
    private static readonly DateTimeOffset Third = new(2027, 7, 15, 8, 30, 0, TimeSpan.Zero);
    private const string Late = "Late referrals in Wolverhampton";

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

    // Revised again: only Wolverhampton's, 4 to 12.
    private static readonly long[] ThirdReferrals = [40, 9, 7, 27, 12];

    [Fact]
    public async Task The_notes_show_each_revised_figure_as_each_release_published_it_and_give_no_withheld_count_away()
    {
        using var app = PipelineHarness.Over(azurite, ProtectedScheduledDataset.Settings(azurite), Start);
        foreach (var quarter in new[] { "2025-Q3", "2025-Q4", "2026-Q3" })
        {
            await ProtectedReleases.SendAsync(app, Dataset, quarter + ".csv", ProtectedScheduledDataset.Return(quarter, Referrals, Completions));
        }

        await ProtectedReleases.SendAsync(app, Dataset, "2026-Q4.csv", ProtectedScheduledDataset.Return("2026-Q4", FirstReferrals, FourthCompletions));
        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-referrals", "date": "2027-01-14", "through": "2026-Q4", "title": "Youth referrals, January 2027"}""")).StatusCode);
        app.Clock.SetUtcNow(First);
        var first = await ProtectedReleases.PublishedAsync(app, Dataset, ["2025-Q3", "2025-Q4", "2026-Q3", "2026-Q4"]);
        var firstFourth = JsonNode.Parse(first.Series)!["quarters"]![3]!["areas"]!.AsArray();
        Assert.Equal([40, null, null, 25, 10], firstFourth.Select(a => (long?)a!["referrals"]));
        Assert.Equal("[]", first.Revisions.Trim());

        // A correction after the first release, with its reason and kind, and a new quarter: both wait for the second.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.Zero));
        await ProtectedReleases.SendAsync(app, Dataset, "2026-Q4-v2.csv", ProtectedScheduledDataset.Return("2026-Q4", CorrectedReferrals, FourthCompletions), Reason, "correction");
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 2, 10, 0, 0, TimeSpan.Zero));
        await ProtectedReleases.SendAsync(app, Dataset, "2027-Q1.csv", ProtectedScheduledDataset.Return("2027-Q1", Referrals, Completions));
        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-referrals", "date": "2027-04-15", "through": "2027-Q1", "title": "Youth referrals, April 2027"}""")).StatusCode);
        app.Clock.SetUtcNow(Second);
        var second = await ProtectedReleases.PublishedAsync(app, Dataset, ["2025-Q3", "2025-Q4", "2026-Q3", "2026-Q4", "2027-Q1"]);
        var secondFourth = JsonNode.Parse(second.Series)!["quarters"]![3]!["areas"]!.AsArray();
        Assert.Equal([40, 10, null, 25, null], secondFourth.Select(a => (long?)a!["referrals"]));

        // Coventry: withheld, now 10; Wolverhampton: 10, now withheld. Dudley (8 to 7, withheld in both) and Sandwell
        // (23 to 27, 25 in both) are not listed: their published values did not change, and the notes say no more.
        var release = await ReleaseCalls.GetAsync(app, "youth-referrals-2027-04-15");
        Assert.Equal(200, release.StatusCode);
        Assert.Equal(ProtectedReleases.Compact($$"""
            {"id": "youth-referrals-2027-04-15", "dataset": "youth-referrals", "title": "Youth referrals, April 2027",
             "publishAt": "2027-04-15T09:30:00+01:00", "through": "2027-Q1", "status": "published", "moved": [],
             "notes": {"quartersAdded": ["2027-Q1"], "revised": [
               {"quarter": "2026-Q4", "area": "E08000026", "field": "referrals", "previous": null, "previousSuppressed": true, "current": 10, "reason": "{{Reason}}", "kind": "correction"},
               {"quarter": "2026-Q4", "area": "E08000031", "field": "referrals", "previous": 10, "current": null, "currentSuppressed": true, "reason": "{{Reason}}", "kind": "correction"}
             ]}
            }
            """), ProtectedReleases.Compact(release.Text()));
        var calendar = JsonNode.Parse((await ReleaseCalls.ListAsync(app, Dataset)).Body())!.AsArray();
        Assert.Equal(ProtectedReleases.Compact(release.Text()), calendar[0]!.ToJsonString());
        Assert.Equal("""{"quartersAdded":["2025-Q3","2025-Q4","2026-Q3","2026-Q4"],"revised":[]}""", calendar[1]!["notes"]!.ToJsonString());

        var page = (await HttpCall.CallAsync(app, "GET", [], c => new ReleaseCalendarPage(app.Get<Pipeline.Web.Pages.ReleasesPageHandlers>()).RunAsync(c.Request, CancellationToken.None), "?dataset=" + Dataset, anonymous: true, path: "/releases")).Text();
        Assert.Contains($"2026-Q4, E08000026, referrals: [c] revised to 10 (correction): {Reason}</li>", page, StringComparison.Ordinal);
        Assert.Contains($"2026-Q4, E08000031, referrals: 10 revised to [c] (correction): {Reason}</li>", page, StringComparison.Ordinal);
        Assert.Contains("[c] means the figure is withheld to protect confidentiality, and other counts are rounded to the nearest 5.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("E08000027, referrals", page, StringComparison.Ordinal);
        Assert.DoesNotContain("9,223,372,036,854,775,808", page, StringComparison.Ordinal);

        // A third release: Wolverhampton's late referrals (4 to 12). Dudley's 7 is still small, and its partner is now
        // the smallest other count, Coventry's 9, unchanged but withheld now: listed, as 10 revised to [c], since leaving
        // it out would say it kept its count, 9, and give Dudley's 7 away from the quarter's total.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 1, 10, 0, 0, TimeSpan.Zero));
        await ProtectedReleases.SendAsync(app, Dataset, "2026-Q4-v3.csv", ProtectedScheduledDataset.Return("2026-Q4", ThirdReferrals, FourthCompletions), Late, "revision");
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 2, 10, 0, 0, TimeSpan.Zero));
        await ProtectedReleases.SendAsync(app, Dataset, "2027-Q2.csv", ProtectedScheduledDataset.Return("2027-Q2", Referrals, Completions));
        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-referrals", "date": "2027-07-15", "through": "2027-Q2", "title": "Youth referrals, July 2027"}""")).StatusCode);
        app.Clock.SetUtcNow(Third);
        var third = await ProtectedReleases.PublishedAsync(app, Dataset, ["2025-Q3", "2025-Q4", "2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]);
        Assert.Equal([40, null, null, 25, 10], JsonNode.Parse(third.Series)!["quarters"]![3]!["areas"]!.AsArray().Select(a => (long?)a!["referrals"]));
        var thirdRelease = await ReleaseCalls.GetAsync(app, "youth-referrals-2027-07-15");
        Assert.Equal(ProtectedReleases.Compact($$"""
            {"quartersAdded": ["2027-Q2"], "revised": [
               {"quarter": "2026-Q4", "area": "E08000026", "field": "referrals", "previous": 10, "current": null, "currentSuppressed": true, "reason": "{{Late}}", "kind": "revision"},
               {"quarter": "2026-Q4", "area": "E08000031", "field": "referrals", "previous": null, "previousSuppressed": true, "current": 10, "reason": "{{Late}}", "kind": "revision"}
            ]}
            """), JsonNode.Parse(thirdRelease.Body())!["notes"]!.ToJsonString());
        page = (await HttpCall.CallAsync(app, "GET", [], c => new ReleaseCalendarPage(app.Get<Pipeline.Web.Pages.ReleasesPageHandlers>()).RunAsync(c.Request, CancellationToken.None), "?dataset=" + Dataset, anonymous: true, path: "/releases")).Text();
        Assert.Contains($"2026-Q4, E08000026, referrals: 10 revised to [c] (revision): {Late}</li>", page, StringComparison.Ordinal);

        // The checker, over the three releases together: each version of 2026-Q4 a release published is cells of its
        // own, and a release's notes give the previous version's published values and its own.
        var definition = app.Get<DatasetRegistry>().Get(Dataset);
        var truth = (await app.Get<IAcceptedQuarterStore>().ListFiguresAsync()).Where(q => q.Dataset == Dataset).ToList();
        var replaced = new Dictionary<string, AcceptedQuarter>
        {
            [PublicFigures.Version("2026-Q4", 1)] = Fourth(FirstReferrals),
            [PublicFigures.Version("2026-Q4", 2)] = Fourth(CorrectedReferrals),
        };
        var all = ProtectedReleases.Figures(definition, third, null, thirdRelease.Body(), 2, ProtectedReleases.Figures(definition, second, 2, release.Body(), 1, ProtectedReleases.Figures(definition, first, 1, null, 0, null)));
        var report = DisclosureChecker.Check(definition, truth, all, replaced: replaced);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(6, report.WithheldCells); // Coventry and Dudley in revision 1, Dudley and Wolverhampton in 2, Coventry and Dudley in 3.

        // The checker reads the notes with teeth: the second release's notes as they were before (exact counts) fail it.
        var unprotected = JsonNode.Parse(release.Body())!;
        var coventry = unprotected["notes"]!["revised"]![0]!.AsObject();
        coventry.Remove("previousSuppressed");
        (coventry["previous"], coventry["current"]) = (6, 9);
        var exact = ProtectedReleases.Figures(definition, second, null, System.Text.Encoding.UTF8.GetBytes(unprotected.ToJsonString()), 1, ProtectedReleases.Figures(definition, first, 1, null, 0, null));
        var failed = DisclosureChecker.Check(definition, truth.Select(q => q.Quarter.ToString() == "2026-Q4" ? Fourth(CorrectedReferrals) : q).ToList(), exact, replaced: replaced);
        Assert.False(failed.Passed);
        Assert.Contains(failed.Problems, p => p.StartsWith("notes of youth-referrals-2027-04-15 2026-Q4 E08000026 referrals previous: 6 is published", StringComparison.Ordinal));
        Assert.Contains(failed.Problems, p => p.StartsWith("notes of youth-referrals-2027-04-15 2026-Q4 E08000026 referrals current: published 9, but 9 rounds to 10", StringComparison.Ordinal));
    }

    private static AcceptedQuarter Fourth(long[] referrals, long[]? completions = null) =>
        ProtectedDocuments.Accepted(Dataset, ProtectedScheduledDataset.Codes.Select((c, i) => ("2026-Q4", c, new[] { referrals[i], (completions ?? FourthCompletions)[i] }))).Single();
}
