using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Ports;
using Pipeline.Core.Summaries;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The dashboard function (GET /), public, over the samples: what a view costs in storage requests (the summary and the
/// series documents, each cached), its ETag and 304, and that the function answers as <c>pipeline serve</c>'s page does.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly RequestCounter _requests = new();
    private PipelineHarness _app = null!;

    public async Task InitializeAsync()
    {
        _app = PipelineHarness.Create(azurite, _requests);
        await _app.IngestSamplesAsync();
        await _app.Get<RecalculationService>().RecalculateAsync(force: true);
        _requests.Reset();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_view_costs_two_point_reads_and_none_while_both_documents_are_cached()
    {
        var first = await GetAsync("");
        Assert.Equal(200, first.StatusCode);
        Assert.Contains("Serious youth violence fell 13.73%, from 7,675 offences in 2023 to 6,621 in 2024.", Text(first), StringComparison.Ordinal);
        Assert.Equal(2, _requests.Count); // The calendar default summary and the series, both inline in their index entities.
        Assert.All(_requests.Requests, r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));

        var area = await GetAsync("?area=E08000026");
        var again = await GetAsync("", first.Headers.ETag);
        Assert.Equal(2, _requests.Count);
        Assert.Equal(200, area.StatusCode);
        Assert.Equal(304, again.StatusCode);
        Assert.Empty(Body(again));
        Assert.NotEqual(first.Headers.ETag.ToString(), area.Headers.ETag.ToString());

        await GetAsync("?basis=financial");
        Assert.Equal(3, _requests.Count); // Another summary; the series is still cached.

        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        await GetAsync("");
        Assert.Equal(5, _requests.Count);
    }

    [Fact]
    public async Task A_period_with_no_comparison_is_404_and_a_bad_parameter_400_both_pages()
    {
        var missing = await GetAsync("?period=2019");
        var bad = await GetAsync("?basis=weekly");

        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("text/html; charset=utf-8", missing.ContentType);
        Assert.Contains("href=\"/?dataset=serious-youth-violence&amp;basis=calendar&amp;period=2024\"", Text(missing), StringComparison.Ordinal);
        Assert.Equal(400, bad.StatusCode);
        Assert.Contains("Parameter &#39;basis&#39;: &#39;weekly&#39; is not a year basis.", Text(bad), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_that_carry_revisions_show_them_and_mark_the_figures_resting_on_a_corrected_quarter()
    {
        // The summary as it will be once sources carry revision and acceptedAt (contract section 5): written here by hand.
        var store = _app.Get<IComparisonStore>();
        var stored = (await store.GetAsync("serious-youth-violence", YearBasis.Calendar, null))!;
        var json = JsonNode.Parse(stored.Json)!;
        foreach (var source in json["sources"]!.AsArray())
        {
            source!["revision"] = (string)source["quarter"]! == "2024-Q2" ? 2 : 1;
            source["acceptedAt"] = "2025-02-03T10:00:00+00:00";
        }

        var revised = Encoding.UTF8.GetBytes(json.ToJsonString());
        await store.WriteAsync("serious-youth-violence", [new StoredComparison(YearBasis.Calendar, stored.Period, ComparisonStatus.Complete, new Lazy<byte[]>(() => revised), IsDefault: true)], "by-hand");

        var page = Text(await GetAsync(""));

        Assert.Contains("<div class=\"govuk-inset-text\" id=\"revised\">These figures rest on corrected returns: 2024-Q2 (revision 2). Earlier versions are superseded.</div>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">2024-Q2 (revision 2)</th>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td><td class=\"govuk-table__cell\">3 February 2025, 10:00 UTC</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Not recorded", page, StringComparison.Ordinal);
    }

    private async Task<HttpResponse> GetAsync(string query, Microsoft.Extensions.Primitives.StringValues ifNoneMatch = default)
    {
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        context.Request.Method = "GET";
        context.Request.Path = "/";
        context.Request.QueryString = new QueryString(query);
        context.Request.Headers.IfNoneMatch = ifNoneMatch;
        context.Response.Body = new MemoryStream();
        var function = ActivatorUtilities.CreateInstance<Dashboard>(_app.Services);
        var result = await function.RunAsync(context.Request, CancellationToken.None);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return context.Response;
    }

    private static byte[] Body(HttpResponse response) => ((MemoryStream)response.Body).ToArray();

    private static string Text(HttpResponse response) => Encoding.UTF8.GetString(Body(response));
}
