using System.Globalization;
using System.Security.Cryptography;
using Pipeline.Testing.Disclosure;

namespace Pipeline.Browser.Tests;

/// <summary>What a reader sees on /, in Chromium, against <c>pipeline serve</c> after the demo's samples are ingested.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(AzuriteFixture azurite, ChromiumFixture chromium) : DashboardSession(azurite, chromium)
{
    [Fact]
    public async Task Draws_each_rate_by_area_with_its_95_percent_interval_as_an_error_bar_and_lists_them_beside_it()
    {
        await Page.GotoAsync("/");

        var chart = Page.Locator("#rates-offencesPer1000-svg");
        Assert.Equal("Offences per 1,000 people aged 10 to 24, 2024, by area, with 95% confidence intervals", await chart.Locator("title").TextContentAsync());
        Assert.StartsWith("Dot plot of offences per 1,000 people aged 10 to 24 in 2024 for 7 areas and the total", await chart.Locator("desc").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(8, await chart.Locator("circle").CountAsync());
        Assert.Equal(8, await chart.Locator("g.pipeline-error-bar").CountAsync());

        // Each bar runs from the lower to the upper bound: Birmingham's 2,713 offences among 257,930 people (Byar's
        // interval, worked independently: 10.13 to 10.92), and its dot at 10.52 lies between the bar's ends.
        var rows = await RowsAsync("rates-offencesPer1000-table");
        Assert.Equal(["Birmingham", "10.52", "10.13", "10.92"], rows[0]);
        Assert.Equal(["Total", "10.97", "10.71", "11.24"], rows[^1]);
        var bar = chart.Locator("g.pipeline-error-bar").First.Locator("line").First;
        var (x1, x2) = (double.Parse((await bar.GetAttributeAsync("x1"))!, CultureInfo.InvariantCulture), double.Parse((await bar.GetAttributeAsync("x2"))!, CultureInfo.InvariantCulture));
        Assert.InRange(double.Parse((await chart.Locator("circle").First.GetAttributeAsync("cx"))!, CultureInfo.InvariantCulture), x1, x2);

        Assert.Equal(["Total", "12.96", "12.17", "13.79"], (await RowsAsync("rates-positiveOutcomeRate-table"))[^1]);
        await Screenshots.SaveAsync(Page, "dashboard-rates.png", element: Page.Locator("#rates-offencesPer1000 + .pipeline-rates"));
        await Screenshots.SaveAsync(Page, "dashboard-rates-table.png", element: Page.Locator("#areas-offencesPer1000-caption + .pipeline-scroll"));
    }

    [Fact]
    public async Task Shows_the_seed_sentences_the_figures_by_area_and_a_chart_of_the_eight_sample_quarters()
    {
        var response = await Page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Serious youth violence: 2024 compared with 2023", await TextAsync("h1"));
        Assert.Equal(
            [
                "Serious youth violence fell 13.73%, from 7,675 offences in 2023 to 6,621 in 2024.",
                "Knife offences fell 11.35%, from 370 to 328.",
                "Positive outcomes rose 7.12%, from 801 to 858.",
                "858 offences had a positive outcome: a rate of 12.96%, up 2.52 percentage points. This is a statistically significant rise.",
                "Offences per 1,000 people aged 10 to 24 were 10.97 in 2024 (95% confidence interval 10.71 to 11.24), down 1.88 from 12.85 in 2023 (12.56 to 13.14), using the population estimates of 2024 and 2023. This is a statistically significant fall.",
            ],
            await HeadlinesAsync());

        var offences = await RowsAsync("areas-offences");
        Assert.Equal(8, offences.Count);
        Assert.Equal(["Birmingham", "3,024", "2,713", "-311", "-10.28%"], offences[0]);
        Assert.Equal(["Total", "7,675", "6,621", "-1,054", "-13.73%"], offences[^1]);
        Assert.Equal(["Total", "370", "328", "-42", "-11.35%"], (await RowsAsync("areas-knifeOffences"))[^1]);
        Assert.Equal(["Coventry", "91", "101", "+10", "+10.99%"], (await RowsAsync("areas-positiveOutcomes"))[1]);
        Assert.Equal(["Total", "10.44%", "9.77 to 11.14", "12.96%", "12.17 to 13.79", "+2.52", "1.47 to 3.59"], (await RowsAsync("areas-positiveOutcomeRate"))[^1]);
        Assert.Equal(["Total", "12.85", "12.56 to 13.14", "10.97", "10.71 to 11.24", "-1.88", ""], (await RowsAsync("areas-offencesPer1000"))[^1]);

        // One chart of every quarter per metric but the rate per population, and one by area per rate; the offences
        // chart has the eight sample quarters, the compared ones marked.
        Assert.Equal(6, await Page.Locator("svg[role=img]").CountAsync());
        var chart = Page.Locator("#chart-offences-svg");
        Assert.Equal("Offences, All areas, every quarter", await chart.Locator("title").TextContentAsync());
        Assert.StartsWith("Bar chart of offences in each quarter from 2023-Q1 to 2024-Q4, all areas. The lowest is 1,523 in 2024-Q4", await chart.Locator("desc").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(8, await chart.Locator("rect").CountAsync());
        Assert.Equal(4, await chart.Locator("rect[fill='#1d70b8']").CountAsync());
        Assert.Equal(4, await chart.Locator("rect[fill='#505a5f']").CountAsync());
        Assert.Equal(
            SampleTotals("samples", "offences").Select(t => new[] { t.Quarter, t.Total.ToString("N0", CultureInfo.InvariantCulture), t.Quarter[..4] }),
            await RowsAsync("chart-offences-table"));
        var outcomes = SampleTotals("samples", "positive_outcomes")[^1].Total;
        var recorded = SampleTotals("samples", "offences")[^1].Total;
        var rate = Math.Round(100m * outcomes / recorded, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%";
        Assert.Equal(["2024-Q4", rate, "2024"], (await RowsAsync("chart-positiveOutcomeRate-table"))[^1]);

        // Where the figures came from, and the same view's downloads.
        var sources = await RowsAsync("sources-table");
        Assert.Equal(8, sources.Count);
        var q1 = await File.ReadAllBytesAsync(RepositoryRoot.Combine("samples", "2023-Q1.csv"));
        Assert.Equal(["2023-Q1", "2023-Q1.csv", Convert.ToHexStringLower(SHA256.HashData(q1)), "1", "26 November 2026, 09:00 UTC"], sources[0]);
        Assert.Equal("Computed at 26 November 2026, 09:00 UTC from these accepted returns (the previous period's, then this period's).", await TextAsync("#computed-at"));
        var links = await Page.Locator("#download-links a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(
            [
                "/api/summary?dataset=serious-youth-violence&basis=calendar&period=2024",
                "/api/summary?dataset=serious-youth-violence&basis=calendar&period=2024&format=csv",
                "/api/summary?dataset=serious-youth-violence&basis=calendar&period=2024&format=ods",
                "/api/series?dataset=serious-youth-violence",
                "/api/series?dataset=serious-youth-violence&format=csv",
                "/api/series?dataset=serious-youth-violence&format=ods",
            ],
            links);
        var csv = await Page.APIRequest.GetAsync(links[1]);
        Assert.Contains("calendar,2024,2023,complete,,Total,6621,7675,-1054,-13.73,", await csv.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(200, (await Page.APIRequest.GetAsync(links[3])).Status);

        // The spreadsheets, through the server as a browser downloads them (the series' streamed, of no length known first).
        foreach (var (link, file) in new[] { (links[2], "serious-youth-violence-calendar-2024.ods"), (links[5], "serious-youth-violence-every-quarter.ods") })
        {
            var ods = await Page.APIRequest.GetAsync(link);
            Assert.Equal(200, ods.Status);
            Assert.Equal("application/vnd.oasis.opendocument.spreadsheet", ods.Headers["content-type"]);
            Assert.Equal($"attachment; filename=\"{file}\"", ods.Headers["content-disposition"]);
            Assert.Equal("PK\u0003\u0004mimetype", string.Concat((await ods.BodyAsync()).Take(38).Where((_, i) => i < 4 || i >= 30).Select(b => (char)b)));
        }

        await Screenshots.SaveAsync(Page, "dashboard.png", height: 1300);
        await Screenshots.SaveAsync(Page, "dashboard-chart.png", element: Page.Locator("#chart-offences + .govuk-grid-row"));
    }

    [Fact]
    public async Task Every_selector_changes_the_view()
    {
        await Page.GotoAsync("/");

        await ChooseAsync(("basis", "financial"), ("period", ""));
        Assert.Equal("Serious youth violence: 2024/25 compared with 2023/24", await TextAsync("h1"));
        Assert.Equal("Year to date: 2024-Q2, 2024-Q3, 2024-Q4 compared with the same quarters a year earlier. The other quarters of 2024/25 have not been accepted yet.", await TextAsync("#year-to-date"));
        Assert.Equal(["Latest", "2023/24 (year to date)", "2024/25 (year to date)"], (await Page.Locator("#period option").AllInnerTextsAsync()).Select(t => t.Trim()));

        await ChooseAsync(("period", "2023/24"));
        Assert.Equal("Serious youth violence: 2023/24 compared with 2022/23", await TextAsync("h1"));
        Assert.Equal("/?dataset=serious-youth-violence&basis=financial&period=2023%2F24&area=", new Uri(Page.Url).PathAndQuery);

        await ChooseAsync(("basis", "rolling"), ("period", ""));
        Assert.Equal("Serious youth violence: year ending December 2024 compared with year ending December 2023", await TextAsync("h1"));
        Assert.Equal("Serious youth violence fell 13.73%, from 7,675 offences in the year ending December 2023 to 6,621 in the year ending December 2024.", (await HeadlinesAsync())[0]);

        await ChooseAsync(("area", "E08000029"));
        Assert.Equal("Solihull, year ending December 2024 compared with year ending December 2023.", await TextAsync("#headlines-scope"));
        Assert.Equal("Serious youth violence fell 20.72%, from 391 offences in the year ending December 2023 to 310 in the year ending December 2024.", (await HeadlinesAsync())[0]);
        Assert.Equal([["Solihull", "391", "310", "-81", "-20.72%"], ["Total", "7,675", "6,621", "-1,054", "-13.73%"]], await RowsAsync("areas-offences"));
        Assert.Equal("Offences, Solihull, every quarter", await Page.Locator("#chart-offences-svg title").TextContentAsync());
        Assert.Equal(
            ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"],
            (await RowsAsync("chart-offences-table")).Select(r => r[0]));
        Assert.Equal(391 + 310, (await RowsAsync("chart-offences-table")).Sum(r => int.Parse(r[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));

        await ChooseAsync(("dataset", "violence-admissions"), ("basis", "calendar"), ("period", ""), ("area", ""));
        Assert.Equal("Hospital admissions for assault: 2024 compared with 2023", await TextAsync("h1"));
    }

    [Fact]
    public async Task The_second_dataset_has_its_dashboard_from_its_definition_alone()
    {
        await Page.GotoAsync("/?dataset=violence-admissions");

        Assert.Equal(
            [
                "Hospital admissions for assault fell 7.46%, from 1,340 admissions in 2023 to 1,240 in 2024.",
                // Counts rounded to 5 (234 and 194 exactly); the percentages from the exact counts (docs/method.md).
                "Sharp object admissions fell 17.09%, from 235 to 195.",
                "195 admissions were for assault by a sharp object: a rate of 15.65%, down 1.82 percentage points. This is not a statistically significant change.",
            ],
            await HeadlinesAsync());
        Assert.Equal(["Total", "1,340", "1,240", "-100", "-7.46%"], (await RowsAsync("areas-admissions"))[^1]);
        // Wilson's intervals for 234/1340 and 194/1240, Newcombe's for the change (worked independently): it includes 0.
        Assert.Equal(["Total", "17.46%", "15.52 to 19.59", "15.65%", "13.73 to 17.77", "-1.82", "-4.68 to 1.06"], (await RowsAsync("areas-sharpObjectShare"))[^1]);
        Assert.Equal(4, await Page.Locator("svg[role=img]").CountAsync());
        Assert.Equal(
            SampleTotals(Path.Combine("samples", "violence-admissions"), "sharp_object_admissions").Select(t => DisclosureChecker.RoundHalfUp(t.Total, 5).ToString(CultureInfo.InvariantCulture)),
            (await RowsAsync("chart-sharpObjectAdmissions-table")).Select(r => r[1]));
        Assert.Equal("violence-admissions/2024-Q4.csv", (await RowsAsync("sources-table"))[^1][1]);
    }

    [Fact]
    public async Task A_period_with_no_comparison_is_a_404_page_naming_the_periods_that_have_one()
    {
        var calendar = await Page.GotoAsync("/?period=2019");

        Assert.Equal(404, calendar!.Status);
        Assert.Equal("There is no calendar comparison of serious youth violence for 2019.", await TextAsync("#problem"));
        Assert.Equal(["2024"], (await Page.Locator("#periods a").AllInnerTextsAsync()).Select(t => t.Trim()));
        await Page.Locator("#periods a").ClickAsync();
        Assert.Equal("Serious youth violence: 2024 compared with 2023", await TextAsync("h1"));

        var rolling = await Page.GotoAsync("/?dataset=violence-admissions&basis=rolling&period=2024-Q2");
        Assert.Equal(404, rolling!.Status);
        Assert.Equal(["year ending December 2024"], (await Page.Locator("#periods a").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal("/?dataset=violence-admissions&basis=rolling&period=2024-Q4", await Page.Locator("#periods a").GetAttributeAsync("href"));
    }

    [Fact]
    public async Task A_parameter_it_cannot_use_is_a_400_page_saying_which()
    {
        var response = await Page.GotoAsync("/?basis=financial&period=2024");

        Assert.Equal(400, response!.Status);
        Assert.StartsWith("Error: ", await Page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("Parameter 'period': '2024' is not a financial period. Use a financial year such as 2024/25 or 2024-25.", await TextAsync(".govuk-error-summary__list"));
        Assert.Equal("#period", await Page.Locator(".govuk-error-summary__list a").GetAttributeAsync("href"));
        Assert.Equal(["Latest", "2023/24 (year to date)", "2024/25 (year to date)"], (await Page.Locator("#period option").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal(400, (await Page.GotoAsync("/?colour=blue"))!.Status);
        Assert.Equal(400, (await Page.GotoAsync("/?dataset=youth-justice"))!.Status);
        Assert.Contains("'youth-justice' is not a dataset", await TextAsync("#problem"), StringComparison.Ordinal);
        Assert.Equal(404, (await Page.GotoAsync("/?area=E08000099"))!.Status);
    }
}
