using System.Text.Json.Nodes;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ports;
using Pipeline.Core.Releases;
using Pipeline.Core.Returns;
using Pipeline.Testing.Spreadsheets;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The GSS marks of a release's figures (docs/contract.md section 11) through the API, the dashboard and the workbook:
/// youth-diversions, whose releases call their latest quarter provisional (<c>provisionalQuarters</c> 1). Every quarter
/// sent here is Birmingham 10 referrals and 5 completions, Coventry 20 and 10, so a year is 120 referrals and 60
/// completions in all; one correction then moves Birmingham's 2026-Q2 referrals to 14, and a later one back to 10.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReleaseMarksTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset First = new(2027, 1, 14, 9, 30, 0, TimeSpan.Zero); // 09:30 GMT
    private static readonly DateTimeOffset Second = new(2027, 4, 15, 8, 30, 0, TimeSpan.Zero); // 09:30 BST
    private static readonly DateTimeOffset Third = new(2027, 7, 15, 8, 30, 0, TimeSpan.Zero); // 09:30 BST

    [Fact]
    public async Task A_release_marks_its_latest_quarter_p_and_a_changed_figure_r_and_an_earlier_release_keeps_its_bytes()
    {
        using var app = PipelineHarness.Over(azurite, ScheduledDataset.Settings(azurite), Start);
        foreach (var quarter in new[] { "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4" })
        {
            await SendAsync(app, quarter + ".csv", quarter, 10);
        }

        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-diversions", "date": "2027-01-14", "through": "2026-Q4"}""")).StatusCode);
        app.Clock.SetUtcNow(First);

        // Release 1, through 2026-Q4: what rests on 2026-Q4 is [p], what does not has no marks at all.
        var calendar = await SummaryAsync(app, "&basis=calendar&period=2026");
        Assert.Equal((120, "p"), Figure(calendar, "total", "referrals"));
        Assert.Equal((40, "p"), Figure(calendar, "E08000025", "referrals"));
        Assert.Equal((50.00m, "p"), Rate(calendar, "total"));
        Assert.Equal((120, "p"), Figure(await SummaryAsync(app, "&basis=rolling&period=2026-Q4"), "total", "referrals"));
        var before = await ReleaseCalls.SummaryAsync(app, "&basis=rolling&period=2026-Q3");
        var rolling = JsonNode.Parse(before.Body())!;
        Assert.Equal((120, null), Figure(rolling, "total", "referrals"));
        Assert.DoesNotContain("\"marks\"", before.Text(), StringComparison.Ordinal);

        // The CSV of a scheduled dataset has a marks column after each measure's figures; its cells are the shorthand.
        var csv = (await ReleaseCalls.SummaryAsync(app, "&basis=calendar&period=2026&format=csv")).Text();
        Assert.Contains(",referrals_change_percent,referrals_marks,completions_current,", csv, StringComparison.Ordinal);
        Assert.Contains(",completions_change_percent,completions_marks,completion_rate_current,", csv, StringComparison.Ordinal);
        Assert.EndsWith(",completion_rate_change_upper,completion_rate_marks", csv.Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Equal("120 120 0 0.00 [p] 60 60 0 0.00 [p] 50.00 50.00 0.00 [p]", Columns(csv, "Total"));
        Assert.Equal("120 120 0 0.00  60 60 0 0.00  50.00 50.00 0.00 ", Columns((await ReleaseCalls.SummaryAsync(app, "&basis=rolling&period=2026-Q3&format=csv")).Text(), "Total"));

        // The workbook: the mark in the row's Notes cell, before the notes, with a note and a cover line saying what it means.
        var workbook = await WorkbookAsync(app, "&basis=calendar&period=2026&format=ods");
        Assert.Equal("[p] [note 1] [note 2] [note 5] [note 6]", Cells(workbook, "Table_1")[0][^1]);
        var header = workbook["sheets"]!.AsArray().Single(t => (string)t!["name"]! == "Table_1")!["rows"]![1]!.AsArray().Select(c => (string)c!["text"]!).ToList();
        Assert.Equal("120", Cells(workbook, "Table_1")[0][header.IndexOf("2026")]); // The figure's cell holds the number alone.
        Assert.Equal("[p] [note 1] [note 2] [note 6]", Cells(workbook, "Table_2")[0][^1]);
        Assert.StartsWith("[p] provisional: the comparison rests on one of the latest 1 quarters of the release", Cells(workbook, "Notes")[5][1], StringComparison.Ordinal);
        Assert.Contains("[p] (Provisional: the figure may be revised)", Cells(workbook, "Cover").Single(r => r[0] == "Marks")[1], StringComparison.Ordinal);
        var rollingBook = await WorkbookAsync(app, "&basis=rolling&period=2026-Q3&format=ods");
        Assert.Equal("[note 1] [note 2] [note 5]", Cells(rollingBook, "Table_1")[0][^1]);

        // The dashboard: the shorthand after the figure, and what it means.
        var dashboard = (await ReleaseCalls.DashboardAsync(app, "&basis=calendar&period=2026")).Text();
        Assert.Contains(">120 [p]<", dashboard, StringComparison.Ordinal);
        Assert.Contains("[p] after a figure means it is provisional: it rests on the latest quarter of this release, which may still be revised.", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("marks-note-r", dashboard, StringComparison.Ordinal);

        // A correction to 2026-Q2, published in release 1, and the next quarter.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero));
        await SendAsync(app, "2026-Q2-v2.csv", "2026-Q2", 14);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 2, 10, 0, 0, TimeSpan.Zero));
        await SendAsync(app, "2027-Q1.csv", "2027-Q1", 10);
        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-diversions", "date": "2027-04-15", "through": "2027-Q1"}""")).StatusCode);
        app.Clock.SetUtcNow(Second.AddHours(-1)); // The preview shows the coming release's marks.
        var preview = JsonNode.Parse((await ReleaseCalls.SummaryAsync(app, "&basis=rolling&period=2026-Q3&preview=true", ReleaseCalls.Reader)).Body())!;
        Assert.True((bool)preview["preview"]!);
        Assert.Equal((124, "r"), Figure(preview, "total", "referrals"));
        app.Clock.SetUtcNow(Second.AddTicks(-1));
        Assert.Equal(before.Body(), (await ReleaseCalls.SummaryAsync(app, "&basis=rolling&period=2026-Q3")).Body());

        // Release 2, through 2027-Q1: the changed figures [r] with their new values; 2026-Q4 no longer provisional.
        app.Clock.SetUtcNow(Second);
        var revised = await SummaryAsync(app, "&basis=rolling&period=2026-Q3");
        Assert.Equal((124, "r"), Figure(revised, "total", "referrals"));
        Assert.Equal((44, "r"), Figure(revised, "E08000025", "referrals"));
        Assert.Equal((80, null), Figure(revised, "E08000026", "referrals"));
        Assert.Equal((60, null), Figure(revised, "total", "completions"));
        Assert.Equal((48.39m, "r"), Rate(revised, "total")); // 100 x 60 / 124 = 48.387...
        Assert.Equal((124, "r"), Figure(await SummaryAsync(app, "&basis=calendar&period=2026"), "total", "referrals"));
        Assert.Equal((124, "p"), Figure(await SummaryAsync(app, "&basis=rolling&period=2027-Q1"), "total", "referrals")); // First published now.
        Assert.Equal("124 120 4 3.33 [r] 60 60 0 0.00  48.39 50.00 -1.61 [r]", Columns((await ReleaseCalls.SummaryAsync(app, "&basis=rolling&period=2026-Q3&format=csv")).Text(), "Total"));
        Assert.Equal("[r] [note 1] [note 2] [note 5] [note 6]", Cells(await WorkbookAsync(app, "&basis=rolling&period=2026-Q3&format=ods"), "Table_1")[0][^1]);
        Assert.Contains("[r] after a figure means it has been revised", (await ReleaseCalls.DashboardAsync(app, "&basis=rolling&period=2026-Q3")).Text(), StringComparison.Ordinal);

        // Release 1's frozen document is what it was, byte for byte.
        var releases = await app.Get<IReleaseCalendar>().ListAsync(ScheduledDataset.Id);
        Assert.True(Period.TryParse(YearBasis.Rolling, "2026-Q3", out var period));
        var frozen = await app.Get<IComparisonStore>().GetAsync(ReleaseSnapshots.KeyOf(releases.Single(r => r.Id == "youth-diversions-2027-01-14")), YearBasis.Rolling, period);
        Assert.Equal(before.Body(), frozen!.Json);

        // Restored to its first published value: no longer [r]; and a figure first published in release 2 that changed is.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 2, 10, 0, 0, TimeSpan.Zero));
        await SendAsync(app, "2026-Q2-v3.csv", "2026-Q2", 10);
        await SendAsync(app, "2027-Q2.csv", "2027-Q2", 10);
        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-diversions", "date": "2027-07-15", "through": "2027-Q2"}""")).StatusCode);
        app.Clock.SetUtcNow(Third);
        var restored = await ReleaseCalls.SummaryAsync(app, "&basis=rolling&period=2026-Q3");
        Assert.Equal((120, null), Figure(JsonNode.Parse(restored.Body())!, "total", "referrals"));
        Assert.DoesNotContain("\"marks\"", restored.Text(), StringComparison.Ordinal);
        Assert.Equal((120, null), Figure(await SummaryAsync(app, "&basis=calendar&period=2026"), "total", "referrals"));
        Assert.Equal((120, "r"), Figure(await SummaryAsync(app, "&basis=rolling&period=2027-Q1"), "total", "referrals")); // 124 in release 2
        Assert.Equal((120, "p"), Figure(await SummaryAsync(app, "&basis=rolling&period=2027-Q2"), "total", "referrals"));
    }

    [Fact]
    public async Task A_withheld_figure_carries_no_mark()
    {
        // youth-diversions with a disclosure rule: Birmingham's 1 completion a quarter, 4 in a year, is withheld.
        var settings = ScheduledDataset.Settings(azurite);
        var definition = Path.Combine(settings["Pipeline:Datasets:Path"]!, ScheduledDataset.Id + ".json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(definition))!;
        json["disclosure"] = JsonNode.Parse("""{"suppress": {"from": 1, "to": 7}}""");
        await File.WriteAllTextAsync(definition, json.ToJsonString());
        using var app = PipelineHarness.Over(azurite, settings, Start);
        foreach (var quarter in new[] { "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4" })
        {
            Assert.Equal(UploadStatus.Accepted, await ReleaseCalls.SendAsync(app, quarter + ".csv", ScheduledDataset.Return(quarter, 10, 1, 20, 10)));
        }

        Assert.Equal(201, (await ReleaseCalls.ScheduleAsync(app, """{"dataset": "youth-diversions", "date": "2027-01-14", "through": "2026-Q4"}""")).StatusCode);
        app.Clock.SetUtcNow(First);
        var summary = await SummaryAsync(app, "&basis=calendar&period=2026");
        var birmingham = Owner(summary, "E08000025");
        Assert.Equal((40, "p"), Figure(summary, "E08000025", "referrals"));
        Assert.True((bool)birmingham["completions"]!["currentSuppressed"]!);
        Assert.Null(birmingham["completions"]!["marks"]);
        var objects = summary["areas"]!.AsArray().SelectMany(a => a!.AsObject().Where(p => p.Value is JsonObject)).Concat(summary["total"]!.AsObject()).Select(p => p.Value!.AsObject()).ToList();
        var withheld = objects.Where(o => o.Any(p => p.Key.EndsWith("Suppressed", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(withheld);
        Assert.All(withheld, o => Assert.False(o.ContainsKey("marks"), o.ToJsonString()));
        Assert.All(objects.Except(withheld), o => Assert.Equal("p", Marks(o)));

        Assert.Equal("40 40 0 0.00 [p] [c] [c] [c] [c]  [c] [c] [c] ", Columns((await ReleaseCalls.SummaryAsync(app, "&basis=calendar&period=2026&format=csv")).Text(), "Birmingham"));
        var workbook = await WorkbookAsync(app, "&basis=calendar&period=2026&format=ods");
        Assert.Equal("[note 1] [note 3]", Cells(workbook, "Table_3")[0][^1]); // Birmingham's completions: no [p], nor the note on marks (6)
    }

    /// <summary>Sends a return with Birmingham's referrals <paramref name="birmingham"/>, the rest as every quarter's.</summary>
    private static async Task SendAsync(PipelineHarness app, string file, string quarter, long birmingham) =>
        Assert.Equal(UploadStatus.Accepted, await ReleaseCalls.SendAsync(app, file, ScheduledDataset.Return(quarter, birmingham, 5, 20, 10)));

    /// <summary>The CSV row of <paramref name="name"/>: each measure's figures and its marks (not the rate's interval bounds), joined by spaces.</summary>
    private static string Columns(string csv, string name)
    {
        var lines = csv.Split("\r\n");
        var header = lines[0].Split(',');
        var row = lines.Where(l => l.Length > 0).Single(l => l.Split(',')[5] == name).Split(',');
        string[] wanted = ["referrals_current", "referrals_previous", "referrals_change", "referrals_change_percent", "referrals_marks",
            "completions_current", "completions_previous", "completions_change", "completions_change_percent", "completions_marks",
            "completion_rate_current", "completion_rate_previous", "completion_rate_change_points", "completion_rate_marks"];
        return string.Join(' ', wanted.Select(c => row[Array.IndexOf(header, c)]));
    }

    private static async Task<JsonNode> SummaryAsync(PipelineHarness app, string query)
    {
        var response = await ReleaseCalls.SummaryAsync(app, query);
        Assert.Equal(200, response.StatusCode);
        ResponseSchemas.AssertValid(ResponseSchemas.Summary, JsonNode.Parse(response.Body())!);
        return JsonNode.Parse(response.Body())!;
    }

    /// <summary>A count's current value and its marks, joined by spaces (null when it has none).</summary>
    private static (long Current, string? Marks) Figure(JsonNode summary, string area, string metric)
    {
        var value = Owner(summary, area)[metric]!;
        return ((long)value["current"]!, Marks(value));
    }

    private static (decimal Current, string? Marks) Rate(JsonNode summary, string area)
    {
        var value = Owner(summary, area)["completionRate"]!;
        return ((decimal)value["current"]!, Marks(value));
    }

    private static JsonNode Owner(JsonNode summary, string area) =>
        area == "total" ? summary["total"]! : summary["areas"]!.AsArray().Single(a => (string)a!["code"]! == area)!;

    private static string? Marks(JsonNode value) => value["marks"] is { } marks ? string.Join(' ', marks.AsArray().Select(m => (string)m!)) : null;

    private static async Task<JsonNode> WorkbookAsync(PipelineHarness app, string query)
    {
        var response = await ReleaseCalls.SummaryAsync(app, query);
        Assert.Equal(200, response.StatusCode);
        var file = Path.Combine(Directory.CreateTempSubdirectory("marks-ods-").FullName, "workbook.ods");
        await File.WriteAllBytesAsync(file, response.Body());
        return (await SpreadsheetReaders.OdfPyAsync([file]))[file];
    }

    /// <summary>A sheet's rows below its title and header (the cover's below its title), each cell's text.</summary>
    private static List<string[]> Cells(JsonNode workbook, string sheet)
    {
        var rows = workbook["sheets"]!.AsArray().Single(s => (string)s!["name"]! == sheet)!["rows"]!.AsArray();
        return [.. rows.Skip(sheet == "Cover" ? 1 : 2).Select(r => r!.AsArray().Select(c => (string)c!["text"]!).ToArray())];
    }
}
