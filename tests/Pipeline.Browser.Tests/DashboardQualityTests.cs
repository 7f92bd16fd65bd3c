using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Pipeline.Browser.Tests;

/// <summary>What a reader should never notice on /: it is accessible, fits a phone, and is answered from cache.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardQualityTests(AzuriteFixture azurite, ChromiumFixture chromium, ITestOutputHelper output) : DashboardSession(azurite, chromium)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/?dataset=violence-admissions&basis=rolling&area=E08000026")]
    [InlineData("/?dataset=violence-admissions")]
    [InlineData("/?basis=financial&period=2023/24&area=E08000031")]
    [InlineData("/?period=2019")]
    [InlineData("/?basis=financial&period=2024")]
    public async Task Has_no_axe_violations_at_WCAG_2_2_AA(string view)
    {
        await Page.GotoAsync(view);

        var result = await Page.RunAxe(Accessibility.WcagAa());

        output.WriteLine($"axe {result.TestEngine?.Version} on {view}: {result.Violations.Length} violations, {result.Passes.Length} rules passed, {result.Incomplete.Length} to review");
        Assert.Empty(Accessibility.Describe(result.Violations));
    }

    [Theory]
    [InlineData("/", "dashboard-320.png")]
    [InlineData("/?dataset=violence-admissions&area=E08000025", null)]
    [InlineData("/?period=2019", null)]
    public async Task Fits_a_320_pixel_screen_without_scrolling_sideways(string view, string? screenshot)
    {
        var phone = await Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = 320, Height = 640 } });
        var page = await phone.NewPageAsync();

        await page.GotoAsync(view);

        Assert.Equal(320, await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.InRange(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), 1, 320);
        foreach (var chart in await page.Locator("svg[role=img]").AllAsync())
        {
            var box = await chart.BoundingBoxAsync();
            Assert.InRange(box!.X + box.Width, 1, 320);
        }

        if (screenshot is not null)
        {
            await Screenshots.SaveAsync(page, screenshot, height: 1500);
        }

        await phone.CloseAsync();
    }

    [Fact]
    public async Task Answers_a_view_it_has_already_sent_with_304_and_a_new_view_with_its_own_ETag()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };

        using var first = await client.GetAsync(new Uri("/", UriKind.Relative));
        var etag = first.Headers.ETag!.Tag;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.IfNoneMatch.Add(new(etag));
        using var notModified = await client.SendAsync(again);
        using var other = await client.GetAsync(new Uri("/?area=E08000025", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        Assert.Matches("^\"[0-9a-f]{32}\"$", etag);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
        Assert.Equal("text/html; charset=utf-8", first.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("default-src 'self'; script-src 'none'", first.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(etag, other.Headers.ETag!.Tag);
        output.WriteLine($"GET /: {(await first.Content.ReadAsByteArrayAsync()).Length:N0} bytes of HTML");
    }

    [Fact]
    public async Task Loads_in_a_few_requests_without_any_script()
    {
        await Page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });

        List<IResponse> responses;
        lock (Responses)
        {
            responses = [.. Responses];
        }

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        Assert.InRange(responses.Count, 1, 6);
        Assert.Equal(0, await Page.Locator("script").CountAsync());
    }
}
