using System.Text.Json.Nodes;
using CsCheck;
using Pipeline.Core.Releases;
using Pipeline.Core.Returns;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The embargo, property-style (issue #25): for random sequences of uploads, corrections, schedules and clock moves, the
/// public summary, series and revisions of the scheduled dataset are the last published release's, byte for byte (ETag
/// too), and change exactly at a release's instant: one tick before, the previous release's (or nothing); at it, the new
/// one, whose series holds every quarter as last accepted by then (worked here from the uploads, not by the app). The
/// release dates lie on both sides of both of 2027's daylight-saving changes in London.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmbargoProperties(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2027, 3, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Dates = ["2027-03-27", "2027-03-28", "2027-03-29", "2027-10-30", "2027-10-31", "2027-11-01"];
    private static readonly string[] Quarters = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];

    private static readonly Gen<Step> Steps = Gen.OneOf(
        Gen.Select(Gen.Int[0, Quarters.Length - 1], Gen.Int[1, 200], Gen.Int[1, 200], (q, b, c) => (Step)new Upload(Quarters[q], b, c)),
        Gen.Int[1, 400].Select(h => (Step)new Advance(TimeSpan.FromHours(h))),
        Gen.Int[0, Dates.Length - 1].Select(d => (Step)new Schedule(Dates[d])),
        Gen.Const((Step)new ToNextRelease()));

    [Fact]
    public async Task Every_public_answer_is_the_last_published_release_and_changes_exactly_at_its_instant() =>
        await Steps.Array[4, 14].SampleAsync(RunAsync, iter: 15, threads: 1);

    private async Task RunAsync(Step[] steps)
    {
        using var app = PipelineHarness.Over(azurite, ScheduledDataset.Settings(azurite), Start);
        var model = new Dictionary<string, List<(DateTimeOffset At, long B, long C)>>();
        foreach (var quarter in new[] { "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4" })
        {
            await UploadAsync(app, model, new Upload(quarter, 100, 50), 0);
        }

        var releases = new List<DateTimeOffset>();
        var snapshots = new Dictionary<DateTimeOffset, (byte[] Summary, string? ETag, byte[] Series, byte[] Revisions)>();
        var n = 1;
        foreach (var step in steps)
        {
            switch (step)
            {
                case Upload upload:
                    await UploadAsync(app, model, upload, n++);
                    break;
                case Schedule schedule:
                    var answer = await app.Get<ReleaseCalendar>().ScheduleAsync(ScheduledDataset.Id, schedule.Date, "2026-Q4", null, "test");
                    var instant = Instant(schedule.Date);
                    Assert.Equal(instant > app.Clock.GetUtcNow() && !releases.Contains(instant), answer.Release is not null);
                    if (answer.Release is { } release)
                    {
                        Assert.Equal(instant, release.PublishAt);
                        releases.Add(instant);
                    }

                    break;
                case Advance advance:
                    await MoveClockAsync(app, app.Clock.GetUtcNow() + advance.By, releases, model, snapshots);
                    break;
                case ToNextRelease when releases.Where(r => r > app.Clock.GetUtcNow()).Order().FirstOrDefault() is { } next && next != default:
                    await MoveClockAsync(app, next.AddMinutes(1), releases, model, snapshots);
                    break;
            }

            await ObserveAsync(app, releases, model, snapshots);
        }
    }

    /// <summary>Moves the clock to <paramref name="to"/>, stopping one tick before and at each release instant on the way.</summary>
    private static async Task MoveClockAsync(
        PipelineHarness app, DateTimeOffset to, List<DateTimeOffset> releases, Dictionary<string, List<(DateTimeOffset, long, long)>> model,
        Dictionary<DateTimeOffset, (byte[], string?, byte[], byte[])> snapshots)
    {
        foreach (var instant in releases.Where(r => r > app.Clock.GetUtcNow() && r <= to).Order())
        {
            app.Clock.SetUtcNow(instant.AddTicks(-1));
            await ObserveAsync(app, releases, model, snapshots);
            app.Clock.SetUtcNow(instant);
            await ObserveAsync(app, releases, model, snapshots);
        }

        app.Clock.SetUtcNow(to);
    }

    private static async Task ObserveAsync(
        PipelineHarness app, List<DateTimeOffset> releases, Dictionary<string, List<(DateTimeOffset At, long B, long C)>> model,
        Dictionary<DateTimeOffset, (byte[] Summary, string? ETag, byte[] Series, byte[] Revisions)> snapshots)
    {
        var now = app.Clock.GetUtcNow();
        var summary = await ReleaseCalls.SummaryAsync(app);
        var series = await ReleaseCalls.SeriesAsync(app);
        var revisions = (await ReleaseCalls.RevisionsAsync(app)).Body();
        if (releases.Where(r => r <= now).DefaultIfEmpty().Max() is var published && published == default)
        {
            Assert.Equal(404, summary.StatusCode);
            Assert.Equal(404, series.StatusCode);
            Assert.Equal("[]", System.Text.Encoding.UTF8.GetString(revisions).Trim());
            return;
        }

        Assert.Equal(200, series.StatusCode);
        if (snapshots.TryGetValue(published, out var seen))
        {
            Assert.Equal(seen.Summary, summary.Body());
            Assert.Equal(seen.ETag, summary.Headers.ETag.ToString());
            Assert.Equal(seen.Series, series.Body());
            Assert.Equal(seen.Revisions, revisions);
            return;
        }

        // First seen: its series holds every quarter as last accepted by the instant, Birmingham's and Coventry's counts.
        var quarters = JsonNode.Parse(series.Body())!["quarters"]!.AsArray();
        var expected = model.Where(q => q.Value.Any(v => v.At <= published)).OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => (q.Key, q.Value.Last(v => v.At <= published))).ToList();
        Assert.Equal(expected.Select(e => e.Key), quarters.Select(q => (string)q!["quarter"]!));
        Assert.Equal(expected.Select(e => e.Item2.B + e.Item2.C), quarters.Select(q => (long)q!["total"]!["referrals"]!));
        // Its summary (calendar 2026 against 2025, every 2025 quarter being there) covers the 2026 quarters it holds.
        var year = expected.Where(e => e.Key.StartsWith("2026", StringComparison.Ordinal)).ToList();
        Assert.Equal(year.Count == 0 ? 404 : 200, summary.StatusCode);
        if (year.Count > 0)
        {
            Assert.Equal(year.Sum(e => e.Item2.B + e.Item2.C), (long)JsonNode.Parse(summary.Body())!["total"]!["referrals"]!["current"]!);
        }

        snapshots[published] = (summary.Body(), summary.Headers.ETag.ToString(), series.Body(), revisions);
    }

    private static async Task UploadAsync(PipelineHarness app, Dictionary<string, List<(DateTimeOffset At, long B, long C)>> model, Upload upload, int n)
    {
        var status = await ReleaseCalls.SendAsync(app, $"{upload.Quarter}-{n}.csv", ScheduledDataset.Return(upload.Quarter, upload.B, 0, upload.C, 0));
        var versions = model.TryGetValue(upload.Quarter, out var known) ? known : model[upload.Quarter] = [];
        var same = versions.Count > 0 && versions[^1].B == upload.B && versions[^1].C == upload.C;
        Assert.Equal(same ? UploadStatus.Duplicate : UploadStatus.Accepted, status);
        if (!same)
        {
            versions.Add((app.Clock.GetUtcNow(), upload.B, upload.C));
        }

        // As the blob function does: the dataset's own documents are recomputed at once, so they hold what is embargoed.
        await app.Get<Pipeline.Core.Recalculation.RecalculationService>().RecalculateAsync(force: false, only: ScheduledDataset.Id);
    }

    /// <summary>09:30 London time on the date, worked by hand: GMT until 28 March and from 31 October 2027, BST between.</summary>
    private static DateTimeOffset Instant(string date) => date switch
    {
        "2027-03-27" => new(2027, 3, 27, 9, 30, 0, TimeSpan.Zero),
        "2027-03-28" => new(2027, 3, 28, 8, 30, 0, TimeSpan.Zero),
        "2027-03-29" => new(2027, 3, 29, 8, 30, 0, TimeSpan.Zero),
        "2027-10-30" => new(2027, 10, 30, 8, 30, 0, TimeSpan.Zero),
        "2027-10-31" => new(2027, 10, 31, 9, 30, 0, TimeSpan.Zero),
        _ => new(2027, 11, 1, 9, 30, 0, TimeSpan.Zero),
    };

    private abstract record Step;

    private sealed record Upload(string Quarter, long B, long C) : Step;

    private sealed record Advance(TimeSpan By) : Step;

    private sealed record Schedule(string Date) : Step;

    private sealed record ToNextRelease : Step;
}
