using System.Text.Json.Nodes;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;
using Pipeline.Testing.Disclosure;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The revision log of a scheduled dataset with a disclosure rule across releases (issue #26): a version of a quarter an
/// earlier release published is shown in a later release's log as that release showed it, read through the functions
/// against Azurite, with the checker over both releases. <c>rare-outcomes</c> is a test-only definition of nine areas.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RevisionsAcrossReleasesTests(AzuriteFixture azurite)
{
    private const string Rare = "rare-outcomes";
    private static readonly DateTimeOffset Start = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset First = new(2027, 1, 14, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_total_one_release_withheld_stays_withheld_in_the_next_releases_revisions()
    {
        // rare-outcomes' 2026-Q4 first sent as 1 in eight areas and 0 in the ninth: every 1 is small and has no partner
        // of 2 or more, so each moves alone with the quarter's total, 8, which is withheld though it is not small. The
        // second release's revision log gives that version's total as the first release published it: withheld. Were
        // it rounded to 10 as a total no release published, a reader who knew it exactly would know eight counts of at
        // least 1 that sum to 8: each of them 1.
        long[] large = [40, 30, 35, 45, 50, 20, 25, 30, 35], ones = [1, 1, 1, 1, 1, 1, 1, 1, 0], corrected = [1, 1, 1, 1, 1, 1, 1, 20, 30];
        using var app = PipelineHarness.Over(azurite, ScheduledDataset.Settings(azurite, Rare), Start);
        foreach (var (quarter, counts) in new[] { ("2025-Q3", large), ("2025-Q4", large), ("2026-Q3", large), ("2026-Q4", ones) })
        {
            await ProtectedReleases.SendAsync(app, Rare, $"{quarter}.csv", RareReturn(quarter, counts));
        }

        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "rare-outcomes", "date": "2027-01-14", "through": "2026-Q4"}""")).StatusCode);
        app.Clock.SetUtcNow(First);
        var first = await ProtectedReleases.PublishedAsync(app, Rare, ["2025-Q3", "2025-Q4", "2026-Q3", "2026-Q4"]);
        Assert.Equal("""{"outcomes":null,"outcomesSuppressed":true}""", JsonNode.Parse(first.Series)!["quarters"]![3]!["total"]!.ToJsonString());

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.Zero));
        await ProtectedReleases.SendAsync(app, Rare, "2026-Q4-v2.csv", RareReturn("2026-Q4", corrected), "Two areas counted late", "revision");
        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "rare-outcomes", "date": "2027-02-11", "through": "2026-Q4"}""")).StatusCode);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 11, 9, 30, 0, TimeSpan.Zero));
        var second = await ProtectedReleases.PublishedAsync(app, Rare, ["2025-Q3", "2025-Q4", "2026-Q3", "2026-Q4"]);
        Assert.Equal("""{"previous":null,"previousSuppressed":true,"current":55}""", JsonNode.Parse(second.Revisions)![0]!["totals"]!["outcomes"]!.ToJsonString()); // 7 + 20 + 30 = 57
        var release = await ReleaseCalls.GetAsync(app, "rare-outcomes-2027-02-11");
        Assert.Equal(
            ["E06000051 0 30"], // Telford and Wrekin's 1 to 20 is withheld in both: the seven 1s' partner now.
            JsonNode.Parse(release.Body())!["notes"]!["revised"]!.AsArray().Select(l => $"{l!["area"]} {l["previous"]?.ToJsonString() ?? "null"} {l["current"]}"));

        var definition = app.Get<DatasetRegistry>().Get(Rare);
        var truth = (await app.Get<IAcceptedQuarterStore>().ListFiguresAsync()).Where(q => q.Dataset == Rare).ToList();
        var all = ProtectedReleases.Figures(definition, second, null, release.Body(), 1, ProtectedReleases.Figures(definition, first, 1, null, 0, null));
        var firstFourth = ProtectedDocuments.Accepted(Rare, RareCodes.Select((c, i) => ("2026-Q4", c, new[] { ones[i] }))).Single();
        var report = DisclosureChecker.Check(definition, truth, all, replaced: new Dictionary<string, AcceptedQuarter> { [PublicFigures.Version("2026-Q4", 1)] = firstFourth });
        Assert.True(report.Passed, report.ToString());
    }

    private static readonly string[] RareCodes = ["E08000025", "E08000026", "E08000027", "E08000028", "E08000029", "E08000030", "E08000031", "E06000020", "E06000051"];

    private static readonly string[] RareNames = ["Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton", "Telford and Wrekin", "Shropshire"];

    private static byte[] RareReturn(string quarter, long[] outcomes) => System.Text.Encoding.UTF8.GetBytes(
        "quarter,area_code,area_name,outcomes\n" + string.Concat(RareCodes.Select((c, i) => $"{quarter},{c},{RareNames[i]},{outcomes[i]}\n")));
}
