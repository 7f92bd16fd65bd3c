using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Cli.Commands;

namespace Pipeline.Cli.Tests;

/// <summary>
/// Every route of the HTTP API over real HTTP, on the server <c>pipeline serve</c> runs (Kestrel on a free port) against
/// Azurite: each success and each error shape.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeApiTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private readonly Dictionary<string, string?> settings = PipelineHarness.NewSettings(azurite);
    private readonly FakeTimeProvider clock = new(CliRun.Now);
    private WebApplication? server;
    private HttpClient client = new();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var context = new CliContext(TextWriter.Null, TextWriter.Null, configuration, clock) { TablePolicies = [new TableLimitsPolicy()], BlobPolicies = [new BlobLimitsPolicy()] };
        server = ServeCommand.Build(context, "127.0.0.1", 0, connection: null);
        await server.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(server.Urls.Single()) };
    }

    public async Task DisposeAsync() => await server!.DisposeAsync();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task Validate_answers_the_report_of_the_body_and_stores_nothing()
    {
        using var response = await client.PostAsync("/api/validate?name=returns/2024-Q3.csv", Body(ReturnFiles.KnifeExceedsOffences("2024-Q3")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        using var report = await Json(response);
        Assert.Equal("returns/2024-Q3.csv", report.RootElement.GetProperty("file").GetString());
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("knife-exceeds-offences", report.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        using var app = PipelineHarness.Over(azurite, settings);
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task Validate_names_the_upload_upload_csv_by_default_and_checks_another_dataset_when_asked()
    {
        var admissions = await File.ReadAllBytesAsync(RepositoryRoot.Combine("samples", "violence-admissions", "2024-Q1.csv"));

        using var unnamed = await client.PostAsync("/api/validate", Body(ReturnFiles.Valid("2024-Q3")));
        using var health = await client.PostAsync("/api/validate?dataset=violence-admissions&name=2024-Q1.csv", Body(admissions));

        using (var report = await Json(unnamed))
        {
            Assert.Equal(("upload.csv", true), (report.RootElement.GetProperty("file").GetString(), report.RootElement.GetProperty("valid").GetBoolean()));
        }

        using var healthReport = await Json(health);
        Assert.True(healthReport.RootElement.GetProperty("valid").GetBoolean());
    }

    [Theory]
    [InlineData("/api/validate?dataset=nope", "dataset")]
    [InlineData("/api/validate?colour=red", "colour")]
    [InlineData("/api/validate?name=a.csv&name=b.csv", "name")]
    [InlineData("/api/validate?name=", "name")]
    public async Task Validate_refuses_a_bad_parameter_with_a_problem_naming_it(string path, string parameter)
    {
        using var response = await client.PostAsync(path, Body(ReturnFiles.Valid("2024-Q3")));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, parameter);
    }

    [Fact]
    public async Task A_put_stores_and_processes_the_upload_and_answers_201_with_its_outcome()
    {
        var bytes = ReturnFiles.Valid("2024-Q3");

        using var response = await client.PutAsync("/api/uploads/partners/bham/2024-Q3.csv", Body(bytes));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var outcome = await Json(response);
        Assert.Equal(["file", "status", "quarter", "storedAs", "sha256", "report", "sentBy"], outcome.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("partners/bham/2024-Q3.csv", "accepted", "2024-Q3", "operator"),
            (outcome.RootElement.GetProperty("file").GetString(), outcome.RootElement.GetProperty("status").GetString(), outcome.RootElement.GetProperty("quarter").GetString(),
             outcome.RootElement.GetProperty("sentBy").GetString()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), outcome.RootElement.GetProperty("sha256").GetString());
        using var app = PipelineHarness.Over(azurite, settings);
        Assert.Equal(["partners/bham/2024-Q3.csv"], await app.ListAsync(app.Accepted));
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task A_rejected_put_carries_its_report_and_the_report_route_serves_it()
    {
        using var put = await client.PutAsync("/api/uploads/2024-Q2.csv", Body(ReturnFiles.KnifeExceedsOffences("2024-Q2")));
        using var report = await client.GetAsync("/api/uploads/report?file=2024-Q2.csv");

        using var outcome = await Json(put);
        Assert.Equal("rejected", outcome.RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var served = await Json(report);
        Assert.True(JsonElement.DeepEquals(outcome.RootElement.GetProperty("report"), served.RootElement));
    }

    [Fact]
    public async Task A_put_over_an_upload_still_waiting_is_409_and_overwrites_nothing()
    {
        using var app = PipelineHarness.Over(azurite, settings);
        var waiting = ReturnFiles.Valid("2024-Q3", offencesBase: 300);
        await app.UploadAsync("2024-Q3.csv", waiting);

        using var response = await client.PutAsync("/api/uploads/2024-Q3.csv", Body(ReturnFiles.Valid("2024-Q3")));

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "name");
        Assert.Equal(waiting, await app.ReadAsync(app.Uploads, "2024-Q3.csv"));
    }

    [Fact]
    public async Task A_put_over_the_size_limit_is_413_decided_from_the_length_and_stores_nothing()
    {
        using var response = await client.PutAsync("/api/uploads/huge.csv", Body(new byte[(10 * 1024 * 1024) + 1]));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, parameter: null);
        using var app = PipelineHarness.Over(azurite, settings);
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task The_ledger_lists_newest_first_and_filters_by_status_quarter_limit_and_dataset()
    {
        foreach (var (name, bytes) in new[] { ("2024-Q1.csv", ReturnFiles.Valid("2024-Q1")), ("2024-Q2.csv", ReturnFiles.KnifeExceedsOffences("2024-Q2")), ("2024-Q3.csv", ReturnFiles.Valid("2024-Q3")) })
        {
            (await client.PutAsync("/api/uploads/" + name, Body(bytes))).Dispose();
        }

        using var all = await Json(await client.GetAsync("/api/uploads"));
        using var rejected = await Json(await client.GetAsync("/api/uploads?status=rejected"));
        using var q3 = await Json(await client.GetAsync("/api/uploads?quarter=2024-Q3&limit=1"));
        using var health = await Json(await client.GetAsync("/api/uploads?dataset=violence-admissions"));

        Assert.Equal(3, all.RootElement.GetArrayLength());
        Assert.Equal(["file", "sha256", "size", "uploadedAt", "processedAt", "status", "quarter", "errors", "warnings", "storedAs", "sentBy"],
            all.RootElement[0].EnumerateObject().Select(p => p.Name));
        Assert.All(all.RootElement.EnumerateArray(), e => Assert.Equal("operator", e.GetProperty("sentBy").GetString()));
        var rejectedEntry = Assert.Single(rejected.RootElement.EnumerateArray());
        Assert.Equal(("2024-Q2.csv", 1), (rejectedEntry.GetProperty("file").GetString(), rejectedEntry.GetProperty("errors").GetInt32()));
        Assert.Equal("2024-Q3.csv", Assert.Single(q3.RootElement.EnumerateArray()).GetProperty("file").GetString());
        Assert.Equal(0, health.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/uploads?status=lost", "status")]
    [InlineData("/api/uploads?quarter=2024Q3", "quarter")]
    [InlineData("/api/uploads?limit=0", "limit")]
    [InlineData("/api/uploads?limit=ten", "limit")]
    [InlineData("/api/uploads?dataset=nope", "dataset")]
    [InlineData("/api/uploads/report", "file")]
    public async Task The_ledger_routes_refuse_bad_parameters_naming_them(string path, string parameter)
    {
        using var response = await client.GetAsync(path);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, parameter);
    }

    [Fact]
    public async Task The_report_of_an_upload_never_processed_is_404_naming_file()
    {
        using var response = await client.GetAsync("/api/uploads/report?file=never.csv");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "file");
    }

    [Fact]
    public async Task Datasets_lists_every_definition()
    {
        using var response = await client.GetAsync("/api/datasets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await Json(response);
        Assert.Equal(["serious-youth-violence", "violence-admissions"], json.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal("knife-exceeds-offences", json.RootElement[0].GetProperty("fields")[1].GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_summary_is_served_with_its_etag_and_a_404_problem_before_any_comparison()
    {
        using var missing = await client.GetAsync("/api/summary");
        await AssertProblemAsync(missing, HttpStatusCode.NotFound, parameter: null);

        using (var app = PipelineHarness.Over(azurite, settings))
        {
            await app.IngestSamplesAsync();
            await app.Get<Core.Recalculation.RecalculationService>().RecalculateAsync(force: true);
        }

        using var found = await client.GetAsync("/api/summary?basis=calendar&period=2024");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/summary?basis=calendar&period=2024");
        again.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(found.Headers.ETag!.ToString()));
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using var json = await Json(found);
        Assert.Equal(-13.73m, json.RootElement.GetProperty("total").GetProperty("offences").GetProperty("changePercent").GetDecimal());
    }

    [Fact]
    public async Task Serve_says_where_it_listens_and_stops_cleanly_when_cancelled()
    {
        using var stop = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var serving = Cli.RunAsync(["serve", "--port", "0"], stdout, stderr, configuration, new FakeTimeProvider(CliRun.Now), cancellationToken: stop.Token);
        for (var i = 0; i < 100 && !stdout.ToString().Contains("Pipeline is serving on http://127.0.0.1:", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        var exitCode = await serving;

        Assert.Equal((0, ""), (exitCode, stderr.ToString()));
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.StartsWith("Pipeline is serving on http://127.0.0.1:", lines[0], StringComparison.Ordinal);
        Assert.Equal("Stopped.", lines[^1]);
    }

    [Fact]
    public async Task An_accepted_correction_shows_in_the_summary_at_once_without_a_recalc_by_hand()
    {
        foreach (var sample in Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal))
        {
            (await client.PutAsync("/api/uploads/" + Path.GetFileName(sample), Body(await File.ReadAllBytesAsync(sample)))).Dispose();
        }

        using (var first = await Json(await client.GetAsync("/api/summary")))
        {
            Assert.Equal(6621, first.RootElement.GetProperty("total").GetProperty("offences").GetProperty("current").GetInt64());
        }

        var correction = ReturnFiles.Valid("2024-Q4", offencesBase: 100); // 721 offences in place of the sample's own
        using var put = await client.PutAsync("/api/uploads/corrections/2024-Q4.csv", Body(correction));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        using var after = await Json(await client.GetAsync("/api/summary"));

        var sampleQ4Offences = ReadOffences(await File.ReadAllTextAsync(RepositoryRoot.Combine("samples", "2024-Q4.csv")));
        Assert.Equal(6621 - sampleQ4Offences + ReturnFiles.OffencesTotal(100), after.RootElement.GetProperty("total").GetProperty("offences").GetProperty("current").GetInt64());
        Assert.Contains(after.RootElement.GetProperty("sources").EnumerateArray(), s => s.GetProperty("file").GetString() == "corrections/2024-Q4.csv");
    }

    [Fact]
    public async Task The_api_describes_itself_and_each_datasets_return_over_http()
    {
        using var openApi = await client.GetAsync("/api/openapi.json");
        using var schema = await client.GetAsync("/api/datasets/violence-admissions/schema");
        using var unknown = await client.GetAsync("/api/datasets/nope/schema");

        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Equal("application/json; charset=utf-8", openApi.Content.Headers.ContentType!.ToString());
        Assert.Equal(Pipeline.Web.DatasetHandlers.OpenApi().Body, await openApi.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        Assert.Equal(
            await File.ReadAllTextAsync(RepositoryRoot.Combine("docs", "schemas", "violence-admissions.tableschema.json")),
            await schema.Content.ReadAsStringAsync());
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Summaries_reports_and_outcomes_over_http_match_their_json_schemas()
    {
        foreach (var path in Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal))
        {
            using var put = await client.PutAsync("/api/uploads/" + Path.GetFileName(path), Body(await File.ReadAllBytesAsync(path)));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            ResponseSchemas.AssertValid(ResponseSchemas.Outcome, await put.Content.ReadAsByteArrayAsync());
        }

        using var rejected = await client.PutAsync("/api/uploads/bad/2024-Q1.csv", Body(ReturnFiles.KnifeExceedsOffences("2024-Q1")));
        using var report = await client.GetAsync("/api/uploads/report?file=bad/2024-Q1.csv");
        ResponseSchemas.AssertValid(ResponseSchemas.Outcome, await rejected.Content.ReadAsByteArrayAsync());
        ResponseSchemas.AssertValid(ResponseSchemas.Report, await report.Content.ReadAsByteArrayAsync());
        foreach (var query in new[] { "", "?basis=financial", "?basis=rolling", "?basis=rolling&period=2024-Q4&area=E08000031" })
        {
            using var summary = await client.GetAsync("/api/summary" + query);
            Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
            ResponseSchemas.AssertValid(ResponseSchemas.Summary, await summary.Content.ReadAsByteArrayAsync());
        }

        using var missing = await client.GetAsync("/api/summary?basis=rolling&period=2024-Q3");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        ResponseSchemas.AssertValid(ResponseSchemas.Problem, await missing.Content.ReadAsByteArrayAsync());
    }

    private static long ReadOffences(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Sum(line => long.Parse(line.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture));

    private static ByteArrayContent Body(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

    private static async Task<JsonDocument> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? parameter)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        using var problem = await Json(response);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        Assert.Equal(parameter, problem.RootElement.TryGetProperty("parameter", out var named) ? named.GetString() : null);
    }
}
