using Pipeline.Core.Ingestion;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;
using Pipeline.Core.Validation;

namespace Pipeline.Browser.Tests;

/// <summary>
/// Area names and file names come from configuration and from files: the dashboard shows them as text wherever they
/// appear (the form, the sentences' scope, the tables, the chart's title and description), never as markup.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardEscapingTests : DashboardSession
{
    private const string Script = "<script>alert(1)</script>";
    private const string Quoted = "Coventry \"City\" & 'Co' <b>";
    private const string FileName = "<img src=x onerror=alert(2)>/2024-Q4 \"final\".csv";

    public DashboardEscapingTests(AzuriteFixture azurite, ChromiumFixture chromium)
        : base(azurite, chromium)
    {
        var areas = ValidationOptions.WestMidlands;
        for (var i = 0; i < areas.Count; i++)
        {
            Settings[$"Pipeline:Validation:Areas:{i}:Code"] = areas[i].Code;
            Settings[$"Pipeline:Validation:Areas:{i}:Name"] = i switch { 0 => Script, 1 => Quoted, _ => areas[i].Name };
        }
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var app = PipelineHarness.Over(Azurite, Settings);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.UploadAsync(FileName, await File.ReadAllBytesAsync(RepositoryRoot.Combine("samples", "2024-Q4.csv")));
        var outcome = await app.Get<UploadProcessor>().ProcessAsync(FileName);
        Assert.Equal(UploadStatus.Duplicate, outcome?.Status); // The same bytes: the sources keep the first name.
        await app.UploadAsync(FileName, ReturnFiles.Valid("2024-Q4", offencesBase: 300));
        Assert.Equal(UploadStatus.Accepted, (await app.Get<UploadProcessor>().ProcessAsync(FileName))?.Status);
        await app.Get<RecalculationService>().RecalculateAsync(force: false);
    }

    [Fact]
    public async Task Shows_area_and_file_names_with_markup_and_quotes_as_text()
    {
        await Page.GotoAsync("/?area=E08000025");

        Assert.Empty(Dialogs);
        Assert.Equal(0, await Page.Locator("script, main img, main b").CountAsync());
        Assert.Equal($"{Script}, 2024 compared with 2023.", await TextAsync("#headlines-scope"));
        Assert.Equal(Script, (await RowsAsync("areas-offences"))[0][0]);
        Assert.Equal($"Offences, {Script}, every quarter", await Page.Locator("#chart-offences-svg title").TextContentAsync());
        Assert.Contains($"quarter from 2023-Q1 to 2024-Q4, {Script}.", await Page.Locator("#chart-offences-svg desc").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal([string.Empty, "E08000025", "E08000026"], (await Page.Locator("#area option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)")).Take(3));
        Assert.Equal(Quoted, (await Page.Locator("#area option").AllInnerTextsAsync())[2]);
        Assert.Equal(FileName, (await RowsAsync("sources-table"))[^1][1]);

        await Page.GotoAsync("/?area=E08000026");
        Assert.Equal(Quoted, (await RowsAsync("areas-offences"))[0][0]);
        Assert.Empty(Dialogs);
    }
}
