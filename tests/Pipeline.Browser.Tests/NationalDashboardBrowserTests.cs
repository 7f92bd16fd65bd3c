using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Pipeline.Browser.Tests;

/// <summary>
/// The dashboard of a dataset of more areas than a page (600 here; the reads at 10,000 are pinned in NationalScaleTests
/// and NationalDashboardTests): the areas a page at a time, found by a search, with no script, accessible and fitting a
/// phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NationalDashboardBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : PageSession(azurite, chromium)
{
    private static readonly NationalDataset National = new(600);

    public override async Task InitializeAsync()
    {
        Settings["Pipeline:Datasets:Path"] = National.WriteDefinition();
        await base.InitializeAsync();
        using var app = PipelineHarness.Over(Azurite, Settings);
        await National.AcceptTwoYearsAsync(app);
    }

    [Theory]
    [InlineData("/?dataset=national")]
    [InlineData("/?dataset=national&page=7")]
    [InlineData("/?dataset=national&search=area+12")]
    [InlineData("/?dataset=national&search=zzz")]
    public async Task Has_no_axe_violations_at_WCAG_2_2_AA(string view)
    {
        await Page.GotoAsync(view);

        var result = await Page.RunAxe(Accessibility.WcagAa());

        Assert.Empty(Accessibility.Describe(result.Violations));
    }

    [Fact]
    public async Task A_reader_finds_an_area_by_name_and_pages_through_the_rest_with_links()
    {
        await Page.GotoAsync("/?dataset=national");
        Assert.Equal("Area 1", (await Page.Locator("#areas-offences tbody tr th").First.InnerTextAsync()).Trim());

        await Page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Page.Locator("#area-page").WaitForAsync();
        Assert.Equal("Areas 51 to 100 of 600, in code order (page 2 of 12). The total is every area's.", (await Page.Locator("#area-page").InnerTextAsync()).Trim());
        Assert.Equal("Area 51", (await Page.Locator("#areas-offences tbody tr th").First.InnerTextAsync()).Trim());

        await Page.GetByLabel("Find an area").FillAsync("Area 599");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Page.Locator("#area-page").WaitForAsync();
        Assert.Equal(["Area 599", "Total"], [.. (await Page.Locator("#areas-offences tbody tr th").AllInnerTextsAsync()).Select(t => t.Trim())]);
        Assert.Equal(0, await Page.Locator("script").CountAsync());
    }

    [Fact]
    public async Task Fits_a_320_pixel_screen_without_scrolling_sideways()
    {
        var phone = await Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = 320, Height = 640 } });
        var page = await phone.NewPageAsync();

        await page.GotoAsync("/?dataset=national&page=2");

        Assert.InRange(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), 1, 320);
        await phone.CloseAsync();
        var wide = await Context.NewPageAsync();
        await wide.SetViewportSizeAsync(1024, 900);
        await wide.GotoAsync("/?dataset=national");
        await Screenshots.SaveAsync(wide, "dashboard-national.png", height: 900);
        await wide.GotoAsync("/?dataset=national&page=2#by-area");
        await Screenshots.SaveAsync(wide, "dashboard-national-areas.png", element: wide.Locator("#area-finder"));
    }
}
