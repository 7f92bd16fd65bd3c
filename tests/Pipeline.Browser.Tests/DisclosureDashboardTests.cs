using System.Globalization;
using Pipeline.Testing.Disclosure;

namespace Pipeline.Browser.Tests;

/// <summary>The violence-admissions dashboard in Chromium: withheld figures as [c] in every table, gaps in the charts, never 0.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DisclosureDashboardTests(AzuriteFixture azurite, ChromiumFixture chromium) : DashboardSession(azurite, chromium)
{
    [Fact]
    public async Task An_area_with_small_counts_shows_the_symbol_in_its_tables_and_gaps_in_its_chart()
    {
        await Page.GotoAsync("/?dataset=violence-admissions&area=E08000026");

        // Coventry's sharp-object admissions are 3 to 6 a quarter: withheld, with everything worked from them.
        Assert.Equal(["Coventry", "[c]", "[c]", "[c]", "[c]"], (await RowsAsync("areas-sharpObjectAdmissions"))[0]);
        // The share, its change and the 95% confidence interval of each (section 13) are withheld with its count.
        Assert.Equal(["Coventry", "[c]", "[c]", "[c]", "[c]", "[c]", "[c]"], (await RowsAsync("areas-sharpObjectShare"))[0]);
        Assert.Equal(["Coventry", "[c]", "[c]", "[c]"], (await RowsAsync("rates-sharpObjectShare-table"))[0]);
        Assert.Equal(1, await Page.Locator("#rates-sharpObjectShare-svg circle").CountAsync()); // The total's dot alone.
        Assert.Equal(1, await Page.Locator("#rates-sharpObjectShare-svg g.pipeline-error-bar").CountAsync());
        Assert.Equal(1, await Page.Locator("#rates-sharpObjectShare-svg text", new() { HasTextString = "Withheld ([c])" }).CountAsync());
        Assert.DoesNotContain(await HeadlinesAsync(), h => h.Contains("statistically significant", StringComparison.Ordinal));
        Assert.All(await RowsAsync("chart-sharpObjectAdmissions-table"), r => Assert.Equal("[c]", r[1]));
        Assert.Equal(0, await Page.Locator("#chart-sharpObjectAdmissions-svg rect").CountAsync());
        Assert.Equal(8, await Page.Locator("#chart-sharpObjectAdmissions-svg text", new() { HasTextString = "[c]" }).CountAsync());
        Assert.Contains("A quarter marked [c] has no bar: its figure is not published.", await Page.Locator("#chart-sharpObjectAdmissions-desc").TextContentAsync(), StringComparison.Ordinal);
        // Its admissions (36 in 2024-Q1) are published, rounded to 5, and drawn.
        Assert.Equal("35", (await RowsAsync("chart-admissions-table"))[4][1]);
        Assert.Equal(8, await Page.Locator("#chart-admissions-svg rect").CountAsync());
        Assert.StartsWith("[c] means the figure is withheld to protect confidentiality", await TextAsync("#disclosure-note"), StringComparison.Ordinal);
        Assert.Equal("Sharp object admissions: withheld to protect confidentiality ([c]).", (await HeadlinesAsync())[1]);
        await Screenshots.SaveAsync(Page, "dashboard-disclosure.png", height: 3300);
    }

    [Fact]
    public async Task The_totals_are_published_rounded_beside_withheld_areas()
    {
        await Page.GotoAsync("/?dataset=violence-admissions");

        var rows = await RowsAsync("areas-sharpObjectAdmissions");
        // Birmingham's 119 and 100 (25 to 30 a quarter) are published rounded; its change is the rounded -19, its percentage from the exact counts.
        Assert.Equal(["Birmingham", "120", "100", "-20", "-15.97%"], rows[0]);
        Assert.All(rows.Skip(1).SkipLast(1), r => Assert.Equal("[c]", r[2]));
        Assert.Equal(["Total", "235", "195", "-40", "-17.09%"], rows[^1]);
        Assert.Equal(
            SampleTotals(Path.Combine("samples", "violence-admissions"), "sharp_object_admissions").Select(t => DisclosureChecker.RoundHalfUp(t.Total, 5).ToString(CultureInfo.InvariantCulture)),
            (await RowsAsync("chart-sharpObjectAdmissions-table")).Select(r => r[1]));
        await Screenshots.SaveAsync(Page, "dashboard-disclosure-totals.png", height: 2600);
    }
}
