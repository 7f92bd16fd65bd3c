using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Pipeline.Browser.Tests;

/// <summary>What a partner should never notice: the page is accessible, escapes the file, is guarded, and is light.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageQualityTests(AzuriteFixture azurite, ChromiumFixture chromium, ITestOutputHelper output) : PageSession(azurite, chromium)
{
    private static readonly string Script = "<script>alert(1)</script>";
    private static readonly string Image = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task Shows_script_in_a_cell_as_text()
    {
        var areas = Pipeline.Core.Validation.ValidationOptions.WestMidlands;
        var file = ReturnFiles.ValidBuilder("2024-Q3")
            .WithCell(areas[0].Code, "area_name", Script)
            .WithCell(areas[1].Code, "area_name", Image)
            .WithCell(areas[2].Code, "offences", Script)
            .BuildBytes();

        await SubmitAsync("2024-Q3.csv", file, "Send the file");

        Assert.Empty(Dialogs);
        var report = await TextAsync("#report");
        var page = await Page.Locator("main").InnerTextAsync();
        Assert.Contains(Script, page, StringComparison.Ordinal);
        Assert.Contains(Image, page, StringComparison.Ordinal);
        Assert.Equal(0, await Page.Locator("main script, main img").CountAsync());
        Assert.Equal(0, await Page.Locator("script").CountAsync());
        Assert.Contains(Script, await Page.Locator("#errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Image, await Page.Locator("#warnings").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Report", report);
    }

    [Fact]
    public async Task Has_no_axe_violations_at_WCAG_2_2_AA()
    {
        await Page.GotoAsync("/submit");
        var empty = await Page.RunAxe(Accessibility.WcagAa());
        await SubmitAsync("2024-Q2.csv", ReturnFiles.KnifeExceedsOffences("2024-Q2"), "Send the file");
        var report = await Page.RunAxe(Accessibility.WcagAa());
        await SubmitAsync("notes.txt", "hello"u8.ToArray(), "Check the file");
        var error = await Page.RunAxe(Accessibility.WcagAa());

        foreach (var (name, result) in new[] { ("empty page", empty), ("rejected report", report), ("error summary", error) })
        {
            output.WriteLine($"axe {result.TestEngine?.Version} on the {name}: {result.Violations.Length} violations, {result.Passes.Length} rules passed, {result.Incomplete.Length} to review");
            foreach (var incomplete in result.Incomplete)
            {
                output.WriteLine($"  to review: {incomplete.Id} ({incomplete.Nodes.Length} nodes)");
            }
        }

        Assert.Empty(Accessibility.Describe(empty.Violations));
        Assert.Empty(Accessibility.Describe(report.Violations));
        Assert.Empty(Accessibility.Describe(error.Violations));
    }

    [Fact]
    public async Task Sends_security_headers()
    {
        var page = await Page.GotoAsync("/submit");
        var css = await Page.APIRequest.GetAsync("/assets/govuk-frontend.min.css");

        foreach (var headers in new[] { await page!.AllHeadersAsync(), css.Headers })
        {
            Assert.Equal(
                "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
                headers["content-security-policy"]);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.Equal("same-origin", headers["referrer-policy"]);
        }

        Assert.Equal("text/html; charset=utf-8", (await page.AllHeadersAsync())["content-type"]);
        Assert.Equal("text/css; charset=utf-8", css.Headers["content-type"]);
    }

    [Fact]
    public async Task Refuses_a_form_posted_from_another_site()
    {
        var multipart = Context.APIRequest.CreateFormData();
        multipart.Set("action", "send");
        multipart.Set("file", new FilePayload { Name = "2024-Q3.csv", MimeType = "text/csv", Buffer = ReturnFiles.Valid("2024-Q3") });

        var response = await Context.APIRequest.PostAsync("/submit", new() { Multipart = multipart, Headers = new Dictionary<string, string> { ["Origin"] = "https://elsewhere.example" } });

        Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
        using var app = PipelineHarness.Over(Azurite, Settings);
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task Refuses_a_file_over_the_size_limit_before_reading_it()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/submit") { Content = new ByteArrayContent(new byte[11 * 1024 * 1024]) };
        request.Headers.Add("Origin", BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Content.Headers.ContentType = new("multipart/form-data") { Parameters = { new("boundary", "x") } };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("over the limit of 10,485,760 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loads_in_a_few_requests_and_a_few_hundred_kilobytes()
    {
        await Page.GotoAsync("/submit", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Page.EvaluateAsync("document.fonts.ready");

        List<IResponse> responses;
        lock (Responses)
        {
            responses = [.. Responses];
        }

        long total = 0;
        foreach (var response in responses)
        {
            var sizes = await response.Request.SizesAsync();
            var bytes = sizes.ResponseHeadersSize + sizes.ResponseBodySize;
            total += bytes;
            output.WriteLine($"{response.Status} {new Uri(response.Url).AbsolutePath} {response.Headers.GetValueOrDefault("content-type")}: {bytes:N0} bytes");
        }

        output.WriteLine($"{responses.Count} requests, {total:N0} bytes transferred");
        Assert.All(responses, r => Assert.Equal(200, r.Status));
        Assert.InRange(responses.Count, 1, 6);
        Assert.InRange(total, 1, 300_000);
    }
}
