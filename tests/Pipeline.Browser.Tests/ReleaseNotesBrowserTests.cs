using Azure.Storage.Blobs.Models;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Pipeline.Cli;
using Pipeline.Cli.Commands;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Releases;
using Pipeline.Core.Returns;
using Xunit.Abstractions;

namespace Pipeline.Browser.Tests;

/// <summary>
/// The release calendar of a scheduled dataset with a disclosure rule (issue #26) in Chromium, on <c>pipeline serve</c>:
/// the second release's notes show a figure withheld in one release as the symbol, with the line saying what it means,
/// and axe-core finds no violation at WCAG 2.2 AA.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReleaseNotesBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium, ITestOutputHelper output)
{
    [Fact]
    public async Task Withheld_values_in_the_notes_read_as_the_symbol_with_its_meaning()
    {
        var settings = ProtectedScheduledDataset.Settings(azurite);
        using var app = PipelineHarness.Over(azurite, settings, new DateTimeOffset(2027, 1, 10, 12, 0, 0, TimeSpan.Zero));
        long[] referrals = [40, 30, 35, 45, 50], completions = [30, 10, 15, 20, 25], fourth = [30, 0, 0, 20, 0];
        foreach (var quarter in new[] { "2025-Q3", "2025-Q4", "2026-Q3" })
        {
            await SendAsync(app, quarter + ".csv", ProtectedScheduledDataset.Return(quarter, referrals, completions));
        }

        await SendAsync(app, "2026-Q4.csv", ProtectedScheduledDataset.Return("2026-Q4", [40, 6, 8, 23, 12], fourth));
        var calendar = app.Get<ReleaseCalendar>();
        Assert.NotNull((await calendar.ScheduleAsync(ProtectedScheduledDataset.Id, "2027-01-14", "2026-Q4", "Youth referrals, January 2027", "test")).Release);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.Zero));
        await SendAsync(app, "2026-Q4-v2.csv", ProtectedScheduledDataset.Return("2026-Q4", [40, 9, 7, 27, 4], fourth), "Referrals recounted in four areas");
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 2, 10, 0, 0, TimeSpan.Zero));
        await SendAsync(app, "2027-Q1.csv", ProtectedScheduledDataset.Return("2027-Q1", referrals, completions));
        Assert.NotNull((await calendar.ScheduleAsync(ProtectedScheduledDataset.Id, "2027-04-15", "2027-Q1", "Youth referrals, April 2027", "test")).Release);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 20, 12, 0, 0, TimeSpan.Zero));

        var context = new CliContext(TextWriter.Null, TextWriter.Null, new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), app.Clock);
        await using var server = ServeCommand.Build(context, "127.0.0.1", 0, connection: null, identity: false);
        await server.StartAsync();
        await using var browser = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Urls.Single(), ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/releases?dataset=" + ProtectedScheduledDataset.Id);
        var row = await page.Locator("#youth-referrals-2027-04-15").InnerTextAsync();
        Assert.Contains("Adds 2027-Q1.", row, StringComparison.Ordinal);
        Assert.Contains("2026-Q4, E08000026, referrals: [c] revised to 10 (correction): Referrals recounted in four areas", row, StringComparison.Ordinal);
        Assert.Contains("2026-Q4, E08000031, referrals: 10 revised to [c] (correction): Referrals recounted in four areas", row, StringComparison.Ordinal);
        Assert.Contains("[c] means the figure is withheld to protect confidentiality, and other counts are rounded to the nearest 5.", row, StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("#youth-referrals-2027-04-15 li").CountAsync());
        var axe = await page.RunAxe(Accessibility.WcagAa());
        await Screenshots.SaveAsync(page, "releases-disclosure.png");
        output.WriteLine($"axe {axe.TestEngine?.Version} on the calendar: {axe.Violations.Length} violations, {axe.Passes.Length} rules passed");
        Assert.Empty(Accessibility.Describe(axe.Violations));
    }

    private static async Task SendAsync(PipelineHarness app, string file, byte[] content, string? reason = null)
    {
        var name = $"{ProtectedScheduledDataset.Id}/{file}";
        await app.Uploads.CreateIfNotExistsAsync();
        var metadata = reason is null ? null : new Dictionary<string, string> { ["reason"] = Uri.EscapeDataString(reason), ["kind"] = "correction" };
        await app.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = metadata });
        Assert.Equal(UploadStatus.Accepted, (await app.Get<UploadProcessor>().ProcessAsync(name))?.Status);
    }
}
