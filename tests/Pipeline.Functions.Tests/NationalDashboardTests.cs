using System.Text.RegularExpressions;
using Pipeline.Core.Calendar;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The dashboard of a dataset with more areas than a page (600; the request and byte counts at 10,000 are pinned in
/// NationalScaleTests' readers and measured by <c>scripts/bench.sh scale</c>): the tables show 50 areas a page in code
/// order, a search by name or code narrows them, and a view reads only what it shows.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class NationalDashboardTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly NationalDataset National = NationalPipeline.National;
    private readonly RequestCounter _storage = new();
    private PipelineHarness _app = null!;

    public async Task InitializeAsync()
    {
        _app = PipelineHarness.Over(azurite, await NationalPipeline.SettingsAsync(azurite), _storage);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task All_areas_show_the_first_50_in_code_order_with_the_total_of_every_area_reading_one_piece()
    {
        using var cold = PipelineHarness.Over(azurite, _app.Settings, _storage);
        _storage.Reset();
        var page = (await HttpCall.GetDashboardAsync(cold, "?dataset=national")).Text();

        Assert.Equal(3, _storage.Count); // The summary's index and its first piece, the series' index.
        Assert.InRange(_storage.BytesReceived, 1, 256 * 1024);
        Assert.Contains("Areas 1 to 50 of 600, in code order (page 1 of 12). The total is every area&#39;s.", page, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 50).Select(NationalDataset.Name).Append("Total"), RowNames(page, "areas-offences"));
        var total = National.Totals(Enumerable.Range(1, 4).Select(n => new Quarter(2024, n))).Offences;
        Assert.Matches($">\\s*{Regex.Escape(total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))}\\s*</td>", page);
        Assert.Contains("<input class=\"govuk-input govuk-!-width-full\" id=\"area\" name=\"area\" type=\"text\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"E99000001\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/?dataset=national&amp;basis=calendar&amp;period=2024&amp;page=2#by-area\" rel=\"next\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_page_and_a_search_show_their_areas_and_a_page_that_is_not_there_is_refused()
    {
        var second = (await HttpCall.GetDashboardAsync(_app, "?dataset=national&page=2")).Text();
        Assert.Equal(Enumerable.Range(50, 50).Select(NationalDataset.Name).Append("Total"), RowNames(second, "areas-offences"));
        Assert.Contains("aria-label=\"Page 2\" aria-current=\"page\"", second, StringComparison.Ordinal);

        // "Area 12" is in the names of areas 12 and 120 to 129 (indexes 11 and 119 to 128); codes match too, in any case.
        var found = (await HttpCall.GetDashboardAsync(_app, "?dataset=national&search=area%2012")).Text();
        Assert.Equal(new[] { 11 }.Concat(Enumerable.Range(119, 10)).Select(NationalDataset.Name).Append("Total"), RowNames(found, "areas-offences"));
        Assert.Contains("Areas 1 to 11 of 11 whose name or code contains &#39;area 12&#39;, in code order (page 1 of 1).", found, StringComparison.Ordinal);
        var byCode = (await HttpCall.GetDashboardAsync(_app, "?dataset=national&search=e9900059")).Text();
        Assert.Equal(Enumerable.Range(590, 10).Select(NationalDataset.Name).Append("Total"), RowNames(byCode, "areas-offences"));

        var none = (await HttpCall.GetDashboardAsync(_app, "?dataset=national&search=zzz")).Text();
        Assert.Contains("No area&#39;s name or code contains &#39;zzz&#39;.", none, StringComparison.Ordinal);
        Assert.Equal(["Total"], RowNames(none, "areas-offences"));

        foreach (var bad in new[] { "13", "0", "two", "-1" })
        {
            var refused = await HttpCall.GetDashboardAsync(_app, $"?dataset=national&page={bad}");
            Assert.Equal(400, refused.StatusCode);
            Assert.Contains($"Parameter &#39;page&#39;: &#39;{bad}&#39; is not a page of the areas. Use a whole number from 1 to 12.", refused.Text(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task One_areas_view_reads_its_piece_of_the_summary_and_its_run_of_the_series()
    {
        using var cold = PipelineHarness.Over(azurite, _app.Settings, _storage);
        _storage.Reset();
        var page = await HttpCall.GetDashboardAsync(cold, $"?dataset=national&area={NationalDataset.Code(433)}");

        Assert.Equal(200, page.StatusCode);
        Assert.Equal(4, _storage.Count); // Each document's index and one piece.
        Assert.InRange(_storage.BytesReceived, 1, 256 * 1024);
        Assert.Equal([NationalDataset.Name(433), "Total"], RowNames(page.Text(), "areas-offences"));
    }

    /// <summary>The first cell of every body row of the table with this id.</summary>
    private static List<string> RowNames(string page, string table)
    {
        var start = page.IndexOf($"id=\"{table}\"", StringComparison.Ordinal);
        var body = page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
        return [.. RowHeader().Matches(body[body.IndexOf("<tbody", StringComparison.Ordinal)..]).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    [GeneratedRegex("<th scope=\"row\" class=\"govuk-table__header\">([^<]*)</th>")]
    private static partial Regex RowHeader();
}
