using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Cli.Commands;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>GET /api/uploads</c> a page at a time over real HTTP (<c>pipeline serve</c> on Azurite): the next page is the
/// <c>Link</c> header's <c>rel="next"</c> target (RFC 8288), which keeps the request's parameters and adds an opaque
/// <c>continuation</c>; the last page has no such header; a continuation the API did not give is 400 naming it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ServeLedgerPagingTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, string?> settings = PipelineHarness.NewSettings(azurite);
    private WebApplication? server;
    private HttpClient client = new();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var context = new CliContext(TextWriter.Null, TextWriter.Null, configuration, new FakeTimeProvider(CliRun.Now)) { TablePolicies = [new TableLimitsPolicy()] };
        server = ServeCommand.Build(context, "127.0.0.1", 0, connection: null);
        await server.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(server.Urls.Single()) };
        using var app = PipelineHarness.Over(azurite, settings);
        await OldLedger.WriteAsync(app.Tables.GetTableClient(settings["Pipeline:Storage:LedgerTable"]), OldLedger.Generate(250, Start));
    }

    public async Task DisposeAsync() => await server!.DisposeAsync();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task The_pages_follow_the_Link_header_newest_upload_first_keeping_the_parameters()
    {
        var files = new List<(string, DateTimeOffset)>();
        var links = new List<string>();
        var target = "/api/uploads?status=rejected&limit=10&dataset=serious-youth-violence";
        while (target is not null)
        {
            using var page = await client.GetAsync(target);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using var json = JsonDocument.Parse(await page.Content.ReadAsByteArrayAsync());
            files.AddRange(json.RootElement.EnumerateArray().Select(e => (e.GetProperty("file").GetString()!, e.GetProperty("uploadedAt").GetDateTimeOffset())));
            target = page.Headers.TryGetValues("Link", out var values) ? Assert.Single(values) : null;
            if (target is not null)
            {
                links.Add(target);
                var next = NextLink().Match(target);
                Assert.True(next.Success, target);
                target = next.Groups["target"].Value;
            }
        }

        // Entries 0, 7, 14, ... 245 of 250, but 49, 119 and 189 (under violence-admissions/): 33, newest first, in pages of 10.
        var expected = OldLedger.Generate(250, Start).Where(e => e.Status == Core.Returns.UploadStatus.Rejected && e.File.StartsWith("returns/", StringComparison.Ordinal))
            .OrderByDescending(e => e.UploadedAt).Select(e => (e.File, e.UploadedAt));
        Assert.Equal(expected, files);
        Assert.Equal(33, files.Count);
        Assert.Equal(3, links.Count);
        Assert.All(links, l => Assert.StartsWith("</api/uploads?status=rejected&limit=10&dataset=serious-youth-violence&continuation=", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bad")] // Not base64url of anything the API gives.
    [InlineData("a+b")]
    [InlineData("c2VyaW91cy15b3V0aC12aW9sZW5jZQ")] // base64url of the dataset alone
    public async Task A_continuation_the_API_did_not_give_is_400_naming_it(string continuation)
    {
        using var response = await client.GetAsync("/api/uploads?continuation=" + Uri.EscapeDataString(continuation));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        using var problem = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("continuation", problem.RootElement.GetProperty("parameter").GetString());
        Assert.StartsWith("Parameter 'continuation': it is not a continuation this listing gave.", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_datasets_continuation_is_400_naming_it()
    {
        using var first = await client.GetAsync("/api/uploads?limit=1");
        var target = NextLink().Match(Assert.Single(first.Headers.GetValues("Link"))).Groups["target"].Value;

        using var response = await client.GetAsync(target + "&dataset=violence-admissions");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("continuation", problem.RootElement.GetProperty("parameter").GetString());
        Assert.StartsWith("Parameter 'continuation': it continues the listing of another dataset.", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("^<(?<target>/api/uploads\\?[^>]*&continuation=[A-Za-z0-9_-]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();
}
