using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Releases;
using Pipeline.Core.Returns;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Issue #25's "done when": a third dataset made of a definition alone (tests/Pipeline.Testing/ScheduledDefinitions)
/// runs as a scheduled publication end to end: scheduled, previewed, published at the instant, corrected, republished
/// with notes. Expected figures are worked by hand from the returns sent here.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduledPublicationTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset First = new(2027, 1, 14, 9, 30, 0, TimeSpan.Zero); // 09:30 GMT
    private static readonly DateTimeOffset Second = new(2027, 4, 16, 8, 30, 0, TimeSpan.Zero); // 09:30 BST

    [Fact]
    public async Task A_dataset_made_of_a_definition_is_scheduled_previewed_published_corrected_and_republished_with_notes()
    {
        using var app = PipelineHarness.Over(azurite, ScheduledDataset.Settings(azurite), Start);
        Assert.Equal(UploadStatus.Accepted, await ReleaseCalls.SendAsync(app, "2025-Q3.csv", ScheduledDataset.Return("2025-Q3", 100, 40, 50, 10)));
        Assert.Equal(UploadStatus.Accepted, await ReleaseCalls.SendAsync(app, "2025-Q4.csv", ScheduledDataset.Return("2025-Q4", 110, 50, 40, 20)));
        Assert.Equal(UploadStatus.Accepted, await ReleaseCalls.SendAsync(app, "2026-Q3.csv", ScheduledDataset.Return("2026-Q3", 120, 60, 60, 30)));
        Assert.Equal(UploadStatus.Accepted, await ReleaseCalls.SendAsync(app, "2026-Q4.csv", ScheduledDataset.Return("2026-Q4", 130, 65, 70, 35)));

        // Accepted, but nothing is published: no release yet.
        var none = await ReleaseCalls.SummaryAsync(app);
        Assert.Equal(404, none.StatusCode);
        Assert.Contains("No figures of youth-diversions are published yet", none.Text(), StringComparison.Ordinal);
        Assert.Contains("No release is scheduled yet.", none.Text(), StringComparison.Ordinal);

        var scheduled = await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-diversions", "date": "2027-01-14", "through": "2026-Q4"}""");
        Assert.Equal(201, scheduled.StatusCode);
        Assert.Equal("/api/releases/youth-diversions-2027-01-14", scheduled.Headers.Location.ToString());
        var release = JsonNode.Parse(scheduled.Body())!;
        Assert.Equal("2027-01-14T09:30:00+00:00", (string)release["publishAt"]!);
        Assert.Equal("scheduled", (string)release["status"]!);
        Assert.Equal("Youth diversions: figures to December 2026", (string)release["title"]!);

        var due = await ReleaseCalls.SeriesAsync(app);
        Assert.Equal(404, due.StatusCode);
        Assert.Contains("The first release is due at 9:30am on Thursday 14 January 2027 (GMT).", due.Text(), StringComparison.Ordinal);

        // Pre-release access: refused before the window, then marked, private and recorded.
        app.Clock.SetUtcNow(First.AddHours(-24).AddTicks(-1));
        Assert.Equal(403, (await ReleaseCalls.SummaryAsync(app, "&preview=true", ReleaseCalls.Reader)).StatusCode);
        app.Clock.SetUtcNow(First.AddHours(-24));
        Assert.Equal(401, (await HttpCall.CallAsync(app, "GET", [], c => new GetSummary(app.Get<Pipeline.Web.FiguresHandlers>()).RunAsync(c.Request, CancellationToken.None), "?dataset=youth-diversions&preview=true", anonymous: true)).StatusCode);
        Assert.Equal(403, (await ReleaseCalls.SummaryAsync(app, "&preview=true", Principals.Of("other@example.org", "Preview.violence-admissions"))).StatusCode);
        var preview = await ReleaseCalls.SummaryAsync(app, "&preview=true", ReleaseCalls.Reader);
        Assert.Equal(200, preview.StatusCode);
        Assert.Equal("private, no-store", preview.Headers.CacheControl.ToString());
        Assert.False(preview.Headers.ContainsKey("ETag"));
        var previewed = JsonNode.Parse(preview.Body())!;
        Assert.True((bool)previewed["preview"]!);
        Assert.Equal("2027-01-14T09:30:00+00:00", (string)previewed["publishAt"]!);
        Assert.Equal(380, (long)previewed["total"]!["referrals"]!["current"]!);
        Assert.Equal(404, (await ReleaseCalls.SummaryAsync(app)).StatusCode); // The public still sees nothing.
        var views = await app.Get<IReleaseCalendar>().ListAccessAsync("youth-diversions-2027-01-14");
        Assert.Equal([("reader@example.org", "/api/summary?dataset=youth-diversions&preview=true")], views.Select(v => (v.Principal, v.Request)));
        Assert.Equal(First.AddHours(-24), Assert.Single(views).At);

        // One tick before: nothing. At 09:30:00: the release, with no job run.
        app.Clock.SetUtcNow(First.AddTicks(-1));
        Assert.Equal(404, (await ReleaseCalls.SummaryAsync(app)).StatusCode);
        app.Clock.SetUtcNow(First);
        var published = await ReleaseCalls.SummaryAsync(app);
        Assert.Equal(200, published.StatusCode);
        var summary = JsonNode.Parse(published.Body())!;
        Assert.Equal("2027-01-14T09:30:00+00:00", (string)summary["computedAt"]!);
        Assert.Equal("2026", (string)summary["period"]!);
        Assert.Equal(380, (long)summary["total"]!["referrals"]!["current"]!); // 120 + 60 + 130 + 70
        Assert.Equal(300, (long)summary["total"]!["referrals"]!["previous"]!); // 100 + 50 + 110 + 40
        Assert.Equal(26.67m, (decimal)summary["total"]!["referrals"]!["changePercent"]!); // 80 / 300
        Assert.Equal(58.33m, (decimal)summary["total"]!["completions"]!["changePercent"]!); // (190 - 120) / 120
        Assert.Equal(50.00m, (decimal)summary["total"]!["completionRate"]!["current"]!);
        var firstSeries = (await ReleaseCalls.SeriesAsync(app)).Body();
        Assert.Equal("[]", (await ReleaseCalls.RevisionsAsync(app)).Text().Trim());
        Assert.Equal(200, (await ReleaseCalls.DashboardAsync(app)).StatusCode);

        // Corrections after the release, and a new quarter: none of them public until the next release.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.Zero));
        await SendWithNoteAsync(app, "2026-Q4-v2.csv", ScheduledDataset.Return("2026-Q4", 130, 65, 75, 35), "Coventry counted five referrals late", "revision");
        await SendWithNoteAsync(app, "2025-Q4-v2.csv", ScheduledDataset.Return("2025-Q4", 110, 55, 40, 20), "Birmingham keyed 50 for 55", "correction");
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 2, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(UploadStatus.Accepted, await ReleaseCalls.SendAsync(app, "2027-Q1.csv", ScheduledDataset.Return("2027-Q1", 90, 30, 45, 15)));
        await app.Get<Pipeline.Core.Recalculation.RecalculationService>().RecalculateAsync(force: true);
        var still = await ReleaseCalls.SummaryAsync(app);
        Assert.Equal(published.Body(), still.Body());
        Assert.Equal(published.Headers.ETag, still.Headers.ETag);
        Assert.Equal(firstSeries, (await ReleaseCalls.SeriesAsync(app)).Body());
        Assert.Equal("[]", (await ReleaseCalls.RevisionsAsync(app)).Text().Trim());

        // The next release, moved a day with a reason; BST, so +01:00.
        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-diversions", "date": "2027-04-15", "through": "2027-Q1", "title": "Youth diversions, April 2027"}""")).StatusCode);
        var refused = await app.Get<ReleaseCalendar>().MoveAsync("youth-diversions-2027-04-15", "2027-04-16", " ", "test");
        Assert.Equal(("reason", ReleaseRefusal.BadInput), (refused.Parameter, refused.Refusal));
        var moved = await app.Get<ReleaseCalendar>().MoveAsync("youth-diversions-2027-04-15", "2027-04-16", "The source data arrived late", "test");
        Assert.Equal(Second, moved.Release!.PublishAt);
        var listed = JsonNode.Parse((await ReleaseCalls.ListAsync(app)).Body())!.AsArray();
        Assert.Equal(["youth-diversions-2027-04-15", "youth-diversions-2027-01-14"], listed.Select(r => (string)r!["id"]!));
        Assert.Equal("2027-04-16T09:30:00+01:00", (string)listed[0]!["publishAt"]!);
        Assert.Equal("2027-04-15T09:30:00+01:00", (string)listed[0]!["moved"]![0]!["from"]!);
        Assert.Equal("The source data arrived late", (string)listed[0]!["moved"]![0]!["reason"]!);
        Assert.Equal(["scheduled", "published"], listed.Select(r => (string)r!["status"]!));
        var dashboard = (await ReleaseCalls.DashboardAsync(app)).Text();
        Assert.Contains("Published 9:30am on Thursday 14 January 2027 (GMT).", dashboard, StringComparison.Ordinal);
        Assert.Contains("Next release: 9:30am on Friday 16 April 2027 (BST).", dashboard, StringComparison.Ordinal);
        var page = await HttpCall.CallAsync(app, "GET", [], c => new ReleaseCalendarPage(app.Get<Pipeline.Web.Pages.ReleasesPageHandlers>()).RunAsync(c.Request, CancellationToken.None), anonymous: true, path: "/releases");
        Assert.Equal(200, page.StatusCode);
        Assert.Contains("Moved from 9:30am on Thursday 15 April 2027 (BST): The source data arrived late", page.Text(), StringComparison.Ordinal);
        app.Clock.SetUtcNow(Second.AddHours(-1));
        var previewPage = await HttpCall.CallAsync(app, "GET", [], c => new Dashboard(app.Get<Pipeline.Web.Pages.DashboardHandlers>()).RunAsync(c.Request, CancellationToken.None), "?dataset=youth-diversions&preview=true", ReleaseCalls.Reader, path: "/");
        Assert.Equal(200, previewPage.StatusCode);
        Assert.Contains("Not yet published", previewPage.Text(), StringComparison.Ordinal);
        Assert.Equal("private, no-store", previewPage.Headers.CacheControl.ToString());
        Assert.Equal(403, (await HttpCall.CallAsync(app, "GET", [], c => new Dashboard(app.Get<Pipeline.Web.Pages.DashboardHandlers>()).RunAsync(c.Request, CancellationToken.None), "?dataset=youth-diversions&preview=true", Principals.Of("x@example.org"), path: "/")).StatusCode);

        app.Clock.SetUtcNow(Second.AddTicks(-1));
        Assert.Equal(published.Body(), (await ReleaseCalls.SummaryAsync(app)).Body());
        app.Clock.SetUtcNow(Second);
        var republished = JsonNode.Parse((await ReleaseCalls.SummaryAsync(app)).Body())!;
        Assert.Equal("2027-04-16T08:30:00+00:00", (string)republished["computedAt"]!); // computedAt is in UTC, as every summary's
        Assert.Equal(385, (long)republished["total"]!["referrals"]!["current"]!); // Coventry's 2026-Q4 now 75
        Assert.Equal(125, (long)republished["total"]!["completions"]!["previous"]!); // Birmingham's 2025-Q4 now 55
        Assert.Equal(5, JsonNode.Parse((await ReleaseCalls.SeriesAsync(app)).Body())!["quarters"]!.AsArray().Count);
        Assert.Equal(2, JsonNode.Parse((await ReleaseCalls.RevisionsAsync(app)).Body())!.AsArray().Count);

        var notes = JsonNode.Parse((await ReleaseCalls.GetAsync(app, "youth-diversions-2027-04-15")).Body())!["notes"]!;
        Assert.Equal(["2027-Q1"], notes["quartersAdded"]!.AsArray().Select(q => (string)q!));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                [{"quarter": "2025-Q4", "area": "E08000025", "field": "completions", "previous": 50, "current": 55, "reason": "Birmingham keyed 50 for 55", "kind": "correction"},
                 {"quarter": "2026-Q4", "area": "E08000026", "field": "referrals", "previous": 70, "current": 75, "reason": "Coventry counted five referrals late", "kind": "revision"}]
                """),
            notes["revised"]),
            notes.ToJsonString());
        var first = JsonNode.Parse((await ReleaseCalls.GetAsync(app, "youth-diversions-2027-01-14")).Body())!["notes"]!;
        Assert.Equal(["2025-Q3", "2025-Q4", "2026-Q3", "2026-Q4"], first["quartersAdded"]!.AsArray().Select(q => (string)q!));

        var late = await app.Get<ReleaseCalendar>().MoveAsync("youth-diversions-2027-04-15", "2027-05-20", "Too late", "test");
        Assert.Equal(("id", ReleaseRefusal.BadInput), (late.Parameter, late.Refusal));
        Assert.Contains("a published release cannot be moved", late.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_schedule_says_why_with_its_status()
    {
        using var app = PipelineHarness.Over(azurite, ScheduledDataset.Settings(azurite), Start);
        const string Good = """{"dataset": "youth-diversions", "date": "2027-01-14", "through": "2026-Q4"}""";
        Assert.Equal(401, (await ReleaseCalls.ScheduleAsync(app, Good, anonymous: true)).StatusCode);
        var submitter = await ReleaseCalls.ScheduleAsync(app, Good, Principals.Of("partner@example.org", "Submit.youth-diversions", "Preview.youth-diversions"));
        Assert.Equal(403, submitter.StatusCode);
        Assert.Contains("Pipeline.Admin", submitter.Text(), StringComparison.Ordinal);
        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, Good)).StatusCode);

        async Task RefusedAsync(string body, int status, string? parameter, string detail)
        {
            var answer = await ReleaseCalls.ScheduleAsync(app, body);
            Assert.Equal(status, answer.StatusCode);
            var problem = JsonNode.Parse(answer.Body())!;
            Assert.Equal(parameter, (string?)problem["parameter"]);
            Assert.Contains(detail, (string)problem["detail"]!, StringComparison.Ordinal);
        }

        await RefusedAsync(Good, 409, "date", "youth-diversions already has a release on 2027-01-14");
        await RefusedAsync("""{"dataset": "youth-diversions", "date": "2027-01-09", "through": "2026-Q4"}""", 400, "date", "is in the past");
        await RefusedAsync("""{"dataset": "youth-diversions", "date": "2027-02-01", "through": "2027-Q1"}""", 400, "through", "2027-Q1 will not have ended");
        await RefusedAsync("""{"dataset": "violence-admissions", "date": "2027-02-01", "through": "2026-Q4"}""", 400, "dataset", "is published continuously");
        await RefusedAsync("""{"dataset": "youth-diversions", "date": "2027-02-01", "through": "2026-Q4", "when": "now"}""", 400, "when", "not a member of a release");
        await RefusedAsync("[1]", 400, null, "The body is not a JSON object");
        var unknown = await ReleaseCalls.GetAsync(app, "youth-diversions-2030-01-01");
        Assert.Equal(404, unknown.StatusCode);
        Assert.StartsWith("There is no release 'youth-diversions-2030-01-01'", (string)JsonNode.Parse(unknown.Body())!["detail"]!, StringComparison.Ordinal);
        Assert.Equal("[]", (await ReleaseCalls.ListAsync(app, "serious-youth-violence")).Text());
        Assert.Equal(400, (await ReleaseCalls.SummaryAsync(app, "&preview=maybe", ReleaseCalls.Reader)).StatusCode);
    }

    /// <summary>A partner's correction written straight into storage with the blob metadata reason and kind.</summary>
    private static async Task SendWithNoteAsync(PipelineHarness app, string file, byte[] content, string reason, string kind)
    {
        var name = $"{ScheduledDataset.Id}/{file}";
        await app.Uploads.CreateIfNotExistsAsync();
        await app.Uploads.GetBlobClient(name).UploadAsync(
            new BinaryData(content), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["reason"] = Uri.EscapeDataString(reason), ["kind"] = kind } });
        Assert.Equal(UploadStatus.Accepted, (await app.Get<UploadProcessor>().ProcessAsync(name))?.Status);
    }
}
