using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The <c>ListUploads</c> function a page at a time, called as the ASP.NET Core integration calls it: its <c>Link</c>
/// header leads through the ledger, one table request a page, and a continuation it did not give is 400 naming it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ListUploadsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_continuation_round_trips_through_the_function_one_table_request_a_page()
    {
        var counter = new RequestCounter();
        using var app = PipelineHarness.Create(azurite, counter);
        var entries = OldLedger.Generate(25, Start);
        await OldLedger.WriteAsync(app.Tables.GetTableClient(app.Settings["Pipeline:Storage:LedgerTable"]), entries);
        await CallAsync(app, "?limit=1"); // The first listing indexes the ledger written before the index, once.

        var files = new List<string>();
        var requests = new List<int>();
        var query = "?limit=4";
        while (query is not null)
        {
            counter.Reset();
            var response = await CallAsync(app, query);
            requests.Add(counter.Count);
            Assert.Equal(200, response.StatusCode);
            using var page = JsonDocument.Parse(response.Body());
            files.AddRange(page.RootElement.EnumerateArray().Select(e => e.GetProperty("file").GetString()!));
            var link = response.Headers.Link.ToString();
            query = link.Length == 0 ? null : NextLink().Match(link) is { Success: true } next ? next.Groups["query"].Value : throw new Xunit.Sdk.XunitException(link);
        }

        Assert.Equal(entries.Where(e => e.File.StartsWith("returns/", StringComparison.Ordinal)).OrderByDescending(e => e.UploadedAt).Select(e => e.File), files);
        Assert.Equal([1, 1, 1, 1, 1, 1], requests); // 23 entries of the default dataset: 4, 4, 4, 4, 4 and 3.
    }

    [Fact]
    public async Task A_continuation_it_did_not_give_is_a_400_problem_naming_it()
    {
        using var app = PipelineHarness.Create(azurite);

        var response = await CallAsync(app, "?continuation=%2A");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        using var problem = JsonDocument.Parse(response.Body());
        Assert.Equal("continuation", problem.RootElement.GetProperty("parameter").GetString());
    }

    private static Task<HttpResponse> CallAsync(PipelineHarness app, string query) =>
        HttpCall.CallAsync(app, "GET", [], f =>
        {
            f.Request.Path = "/api/uploads";
            return ActivatorUtilities.CreateInstance<ListUploads>(app.Services).RunAsync(f.Request, CancellationToken.None);
        }, query);

    [GeneratedRegex("^</api/uploads(?<query>\\?limit=4&continuation=[A-Za-z0-9_-]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();
}
