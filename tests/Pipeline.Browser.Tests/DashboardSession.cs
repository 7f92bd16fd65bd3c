using System.Globalization;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;

namespace Pipeline.Browser.Tests;

/// <summary>
/// The dashboard's tests: <c>pipeline serve</c> over storage holding both datasets' sample returns, accepted and
/// recalculated as the demo leaves them, and what the page should show, worked out here from the sample files.
/// </summary>
public abstract class DashboardSession(AzuriteFixture azurite, ChromiumFixture chromium) : PageSession(azurite, chromium)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var app = PipelineHarness.Over(Azurite, Settings);
        await IngestAsync(app, "samples", string.Empty);
        await IngestAsync(app, Path.Combine("samples", "violence-admissions"), "violence-admissions/");
        await app.Get<RecalculationService>().RecalculateAsync(force: true);
    }

    /// <summary>The headline sentences, each as the page prints it.</summary>
    protected async Task<IReadOnlyList<string>> HeadlinesAsync() =>
        [.. (await Page.Locator("#headlines li").AllInnerTextsAsync()).Select(t => t.Trim())];

    /// <summary>A table's body rows, each as its cells' text (the row header first).</summary>
    protected async Task<List<string[]>> RowsAsync(string table)
    {
        var rows = new List<string[]>();
        foreach (var row in await Page.Locator($"#{table} tbody tr").AllAsync())
        {
            rows.Add([.. (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim())]);
        }

        return rows;
    }

    /// <summary>Chooses in the form's selects (by their ids) and presses "Show figures".</summary>
    protected async Task ChooseAsync(params (string Select, string Value)[] choices)
    {
        foreach (var (select, value) in choices)
        {
            await Page.SelectOptionAsync("#" + select, value);
        }

        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        await Page.Locator("h1").WaitForAsync();
    }

    /// <summary>One field's total in each sample quarter of a folder, oldest first, summed here from the files.</summary>
    protected static List<(string Quarter, long Total)> SampleTotals(string folder, string field)
    {
        var totals = new List<(string, long)>();
        foreach (var path in Directory.GetFiles(RepositoryRoot.Combine(folder), "*.csv").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
            var column = Array.IndexOf(lines[0], field);
            totals.Add((lines[1][0], lines.Skip(1).Sum(r => long.Parse(r[column], CultureInfo.InvariantCulture))));
        }

        return totals;
    }

    private static async Task IngestAsync(PipelineHarness app, string folder, string prefix)
    {
        var processor = app.Get<UploadProcessor>();
        foreach (var path in Directory.GetFiles(RepositoryRoot.Combine(folder), "*.csv").Order(StringComparer.Ordinal))
        {
            var name = prefix + Path.GetFileName(path);
            await app.UploadAsync(name, await File.ReadAllBytesAsync(path));
            Assert.Equal(UploadStatus.Accepted, (await processor.ProcessAsync(name))?.Status);
        }
    }
}
