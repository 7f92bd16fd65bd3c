using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Ports;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The dashboard function (GET /), public, over the samples: what a view costs in storage requests (the summary and the
/// series documents, each cached), its ETag and 304, and that the function answers as <c>pipeline serve</c>'s page does.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardFunctionTests(AzuriteFixture azurite) : RecalculatedSamples(azurite)
{
    [Fact]
    public async Task A_view_costs_two_point_reads_and_none_while_both_documents_are_cached()
    {
        var first = await HttpCall.GetDashboardAsync(App, "");
        Assert.Equal(200, first.StatusCode);
        Assert.Contains("Serious youth violence fell 13.73%, from 7,675 offences in 2023 to 6,621 in 2024.", first.Text(), StringComparison.Ordinal);
        Assert.Equal(2, StorageRequests.Count); // The calendar default summary and the series, both inline in their index entities.
        Assert.All(StorageRequests.Requests, r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));

        var area = await HttpCall.GetDashboardAsync(App, "?area=E08000026");
        var again = await HttpCall.GetDashboardAsync(App, "", first.Headers.ETag);
        Assert.Equal(2, StorageRequests.Count);
        Assert.Equal(200, area.StatusCode);
        Assert.Equal(304, again.StatusCode);
        Assert.Empty(again.Body());
        Assert.NotEqual(first.Headers.ETag.ToString(), area.Headers.ETag.ToString());

        await HttpCall.GetDashboardAsync(App, "?basis=financial");
        Assert.Equal(3, StorageRequests.Count); // Another summary; the series is still cached.

        App.Clock.Advance(TimeSpan.FromSeconds(61));
        await HttpCall.GetDashboardAsync(App, "");
        Assert.Equal(5, StorageRequests.Count);
    }

    [Fact]
    public async Task A_period_with_no_comparison_is_404_and_a_bad_parameter_400_both_pages()
    {
        var missing = await HttpCall.GetDashboardAsync(App, "?period=2019");
        var bad = await HttpCall.GetDashboardAsync(App, "?basis=weekly");

        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("text/html; charset=utf-8", missing.ContentType);
        Assert.Contains("href=\"/?dataset=serious-youth-violence&amp;basis=calendar&amp;period=2024\"", missing.Text(), StringComparison.Ordinal);
        Assert.Equal(400, bad.StatusCode);
        Assert.Contains("Parameter &#39;basis&#39;: &#39;weekly&#39; is not a year basis.", bad.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_that_carry_revisions_show_them_and_mark_the_figures_resting_on_a_corrected_quarter()
    {
        // The summary as it will be once sources carry revision and acceptedAt (contract section 5): written here by hand.
        var store = App.Get<IComparisonStore>();
        var stored = (await store.GetAsync("serious-youth-violence", YearBasis.Calendar, null))!;
        var json = JsonNode.Parse(stored.Json)!;
        foreach (var source in json["sources"]!.AsArray())
        {
            source!["revision"] = (string)source["quarter"]! == "2024-Q2" ? 2 : 1;
            source["acceptedAt"] = "2025-02-03T10:00:00+00:00";
        }

        var revised = Encoding.UTF8.GetBytes(json.ToJsonString());
        await store.WriteAsync("serious-youth-violence", [new StoredComparison(YearBasis.Calendar, stored.Period, ComparisonStatus.Complete, () => revised, IsDefault: true)], "by-hand");

        var page = (await HttpCall.GetDashboardAsync(App, "")).Text();

        Assert.Contains("<div class=\"govuk-inset-text\" id=\"revised\">These figures rest on corrected returns: 2024-Q2 (revision 2). Earlier versions are superseded.</div>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">2024-Q2 (revision 2)</th>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td><td class=\"govuk-table__cell\">3 February 2025, 10:00 UTC</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Not recorded", page, StringComparison.Ordinal);
    }
}
