using Deque.AxeCore.Playwright;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Pipeline.Cli;
using Pipeline.Cli.Commands;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Releases;
using Xunit.Abstractions;

namespace Pipeline.Browser.Tests;

/// <summary>
/// The release calendar page and the dashboard's release lines in Chromium (issue #25), on <c>pipeline serve</c> with the
/// clock set after a scheduled dataset's first release and before its second, moved one: what a reader sees (with the
/// [p] marks of the release's provisional quarter), and no axe-core violation at WCAG 2.2 AA.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReleasePagesBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium, ITestOutputHelper output)
{
    [Fact]
    public async Task The_calendar_and_the_dashboards_release_lines_read_in_local_time_with_no_axe_violations()
    {
        var settings = ScheduledDataset.Settings(azurite);
        using var app = PipelineHarness.Over(azurite, settings, new DateTimeOffset(2027, 1, 10, 12, 0, 0, TimeSpan.Zero));
        foreach (var (quarter, b, c) in new[] { ("2025-Q3", 100L, 50L), ("2025-Q4", 110L, 40L), ("2026-Q3", 120L, 60L), ("2026-Q4", 130L, 70L) })
        {
            await app.UploadAsync($"youth-diversions/{quarter}.csv", ScheduledDataset.Return(quarter, b, b / 2, c, c / 2));
            await app.Get<UploadProcessor>().ProcessAsync($"youth-diversions/{quarter}.csv");
        }

        var calendar = app.Get<ReleaseCalendar>();
        Assert.NotNull((await calendar.ScheduleAsync("youth-diversions", "2027-01-14", "2026-Q4", null, "test")).Release);
        Assert.NotNull((await calendar.ScheduleAsync("youth-diversions", "2027-07-15", "2027-Q1", null, "test")).Release);
        Assert.NotNull((await calendar.MoveAsync("youth-diversions-2027-07-15", "2027-07-22", "One partner's return is late", "test")).Release);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 12, 0, 0, TimeSpan.Zero));

        var context = new CliContext(TextWriter.Null, TextWriter.Null, new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), app.Clock);
        await using var server = ServeCommand.Build(context, "127.0.0.1", 0, connection: null, identity: false);
        await server.StartAsync();
        await using var browser = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Urls.Single(), ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/releases");
        var row = page.Locator("#youth-diversions-2027-07-15");
        Assert.Equal("Scheduled", (await row.Locator(".govuk-tag").InnerTextAsync()).Trim(), ignoreCase: true);
        Assert.Contains("9:30am on Thursday 22 July 2027 (BST)", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Moved from 9:30am on Thursday 15 July 2027 (BST): One partner's return is late", await row.InnerTextAsync(), StringComparison.Ordinal);
        var first = page.Locator("#youth-diversions-2027-01-14");
        Assert.Contains("9:30am on Thursday 14 January 2027 (GMT)", await first.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Adds 2025-Q3, 2025-Q4, 2026-Q3, 2026-Q4.", await first.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Release calendar", (await page.Locator("#navigation [aria-current=page]").InnerTextAsync()).Trim());
        var calendarAxe = await page.RunAxe(Accessibility.WcagAa());
        await Screenshots.SaveAsync(page, "releases.png");

        await page.GotoAsync("/?dataset=youth-diversions");
        Assert.Equal(
            "Published 9:30am on Thursday 14 January 2027 (GMT). Next release: 9:30am on Thursday 22 July 2027 (BST).",
            (await page.Locator("#release-lines").InnerTextAsync()).Trim());
        Assert.Equal("Figures", (await page.Locator("#navigation [aria-current=page]").InnerTextAsync()).Trim());
        var dashboardAxe = await page.RunAxe(Accessibility.WcagAa());
        await Screenshots.SaveAsync(page, "dashboard-release-lines.png", height: 700);

        // 2026 (its Q3 and Q4) rests on 2026-Q4, the release's provisional quarter: [p] after each figure, and what it means.
        Assert.Equal(
            "[p] after a figure means it is provisional: it rests on the latest quarter of this release, which may still be revised.",
            (await page.Locator("#marks-note").InnerTextAsync()).Trim());
        var total = (await page.Locator("#areas-referrals tr.pipeline-total").InnerTextAsync()).Split('\t').Select(c => c.Trim()).ToArray();
        Assert.Equal(["Total", "300", "380 [p]", "+80", "+26.67%"], total);
        await Screenshots.SaveAsync(page, "dashboard-marks.png", element: page.Locator("#areas-referrals"));

        foreach (var (name, result) in new[] { ("calendar", calendarAxe), ("dashboard", dashboardAxe) })
        {
            output.WriteLine($"axe {result.TestEngine?.Version} on the {name}: {result.Violations.Length} violations, {result.Passes.Length} rules passed");
            Assert.Empty(Accessibility.Describe(result.Violations));
        }
    }
}
