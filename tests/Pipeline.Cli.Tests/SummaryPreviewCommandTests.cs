using Microsoft.AspNetCore.Http;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Returns;
using Pipeline.Web;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>pipeline summary --preview</c> (docs/contract.md sections 10 and 11): an operator sees the coming release of a
/// scheduled dataset as <c>GET /api/summary?preview=true</c> gives it, within the same pre-release window, recorded as
/// <c>cli</c>; everything else is exit 2 with the reason.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SummaryPreviewCommandTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Release = new(2027, 1, 14, 9, 30, 0, TimeSpan.Zero); // 09:30 GMT
    private static readonly DateTimeOffset Opens = Release.AddHours(-24); // preReleaseHours: 24

    [Fact]
    public async Task Prints_the_coming_release_as_the_preview_API_gives_it_within_its_window_and_records_the_view()
    {
        var settings = ScheduledDataset.Settings(azurite);
        using (var app = PipelineHarness.Over(azurite, settings, Start))
        {
            await SendAsync(app, "2025-Q3", 100, 40, 50, 10);
            await SendAsync(app, "2025-Q4", 110, 50, 40, 20);
            await SendAsync(app, "2026-Q3", 120, 60, 60, 30);
            await SendAsync(app, "2026-Q4", 130, 65, 70, 35);
        }

        string[] preview = ["summary", "--dataset", ScheduledDataset.Id, "--preview"];
        Assert.Equal(0, (await CliRun.RunAsync(["release", "schedule", "--dataset", ScheduledDataset.Id, "--date", "2027-01-14", "--through", "2026-Q4"], settings, Start)).ExitCode);
        var early = await CliRun.RunAsync(preview, settings, Opens.AddTicks(-1));
        Assert.Equal((2, string.Empty), (early.ExitCode, early.Stdout));
        Assert.Equal("Pre-release access to youth-diversions-2027-01-14 opens at 2027-01-13T09:30:00+00:00, 24 hours before it is published.", early.Stderr.Trim());

        var json = await CliRun.RunAsync(preview, settings, Opens);
        var csv = await CliRun.RunAsync([.. preview, "--format", "csv"], settings, Opens.AddMinutes(1));

        Assert.Equal(0, json.ExitCode);
        Assert.Equal(
            "Not yet published: this is youth-diversions-2027-01-14, to be published at 2027-01-14T09:30:00+00:00 (9:30am on Thursday 14 January 2027 (GMT)). This view is recorded (pipeline release access youth-diversions-2027-01-14).",
            json.Stderr.Trim());
        var document = System.Text.Json.Nodes.JsonNode.Parse(json.Stdout)!;
        Assert.True((bool)document["preview"]!);
        Assert.Equal("2027-01-14T09:30:00+00:00", (string)document["publishAt"]!);
        Assert.Equal((380L, 300L), ((long)document["total"]!["referrals"]!["current"]!, (long)document["total"]!["referrals"]!["previous"]!)); // 120+60+130+70; 100+50+110+40
        using (var app = PipelineHarness.Over(azurite, settings, Opens))
        {
            Assert.Equal(await ApiPreviewAsync(app, string.Empty), json.Stdout);
            Assert.Equal(await ApiPreviewAsync(app, "&format=csv"), csv.Stdout);
        }

        var access = await CliRun.RunAsync(["release", "access", "youth-diversions-2027-01-14", "--json"], settings, Opens.AddMinutes(2));
        var views = System.Text.Json.Nodes.JsonNode.Parse(access.Stdout)!.AsArray().Select(v => ((string)v!["at"]!, (string)v["principal"]!, (string)v["request"]!)).ToList();
        Assert.Equal(
            [
                ("2027-01-13T09:30:00+00:00", "cli", "pipeline summary --dataset youth-diversions --preview"),
                ("2027-01-13T09:31:00+00:00", "cli", "pipeline summary --format csv --dataset youth-diversions --preview"),
                ("2027-01-13T09:30:00+00:00", "ops@example.org", "/api/summary?dataset=youth-diversions&preview=true"),
                ("2027-01-13T09:30:00+00:00", "ops@example.org", "/api/summary?dataset=youth-diversions&preview=true&format=csv"),
            ],
            views.OrderBy(v => v.Item2).ThenBy(v => v.Item3, StringComparer.Ordinal).ToList());

        // Once published there is no coming release; the plain summary is the release, unmarked.
        var after = await CliRun.RunAsync(preview, settings, Release);
        Assert.Equal((2, string.Empty, "No release of 'youth-diversions' is scheduled, so there is nothing to preview."), (after.ExitCode, after.Stdout, after.Stderr.Trim()));
        var published = await CliRun.RunAsync(["summary", "--dataset", ScheduledDataset.Id], settings, Release);
        Assert.Equal((0, string.Empty), (published.ExitCode, published.Stderr));
        Assert.Null(System.Text.Json.Nodes.JsonNode.Parse(published.Stdout)!["preview"]);
    }

    [Fact]
    public async Task Refuses_a_continuously_published_dataset_and_a_spreadsheet_with_exit_2()
    {
        var settings = ScheduledDataset.Settings(azurite);

        var continuous = await CliRun.RunAsync(["summary", "--preview"], settings, Start);
        var named = await CliRun.RunAsync(["summary", "--dataset", "violence-admissions", "--preview", "--format", "table"], settings, Start);
        var ods = await CliRun.RunAsync(["summary", "--dataset", ScheduledDataset.Id, "--preview", "--format", "ods", "--output", Path.Combine(Path.GetTempPath(), "never.ods")], settings, Start);

        Assert.Equal((2, string.Empty, "'serious-youth-violence' is published continuously: there is no coming release to preview."), (continuous.ExitCode, continuous.Stdout, continuous.Stderr.Trim()));
        Assert.Equal((2, string.Empty, "'violence-admissions' is published continuously: there is no coming release to preview."), (named.ExitCode, named.Stdout, named.Stderr.Trim()));
        Assert.Equal((2, string.Empty, "A preview is JSON, CSV or a table, as the API's is: a release has no spreadsheet before it is published."), (ods.ExitCode, ods.Stdout, ods.Stderr.Trim()));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "never.ods")));
    }

    private static async Task SendAsync(PipelineHarness app, string quarter, long a, long b, long c, long d)
    {
        var name = $"{ScheduledDataset.Id}/{quarter}.csv";
        await app.UploadAsync(name, ScheduledDataset.Return(quarter, a, b, c, d));
        Assert.Equal(UploadStatus.Accepted, (await app.Get<UploadProcessor>().ProcessAsync(name))?.Status);
    }

    /// <summary><c>GET /api/summary?dataset=youth-diversions&amp;preview=true</c> for an operator, as the function app answers it.</summary>
    private static async Task<string> ApiPreviewAsync(PipelineHarness app, string query)
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Method = "GET";
        context.Request.Path = "/api/summary";
        context.Request.QueryString = new QueryString($"?dataset={ScheduledDataset.Id}&preview=true{query}");
        context.Request.Headers[Principals.Header] = Principals.Of("ops@example.org", "Pipeline.Admin");
        var answer = await app.Get<FiguresHandlers>().SummaryAsync(context.Request);
        Assert.Equal(200, answer.Status);
        return System.Text.Encoding.UTF8.GetString(answer.Body);
    }
}
