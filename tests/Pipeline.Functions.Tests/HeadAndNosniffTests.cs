using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The function classes, called as the ASP.NET Core integration calls them, over the samples: every function that takes
/// GET answers HEAD with GET's status and headers and no body, and every answer, errors and 304s included, says nosniff.
/// (Over real HTTP, on pipeline serve: ServeHttpTests.)
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HeadAndNosniffTests(AzuriteFixture azurite) : RecalculatedSamples(azurite)
{

    /// <summary>Every function that takes GET, each with answers it gives: successes and errors.</summary>
    private (string Function, string Query, int Status, Func<HttpContext, Task<IResult>> Call)[] Gets =>
    [
        ("Dashboard", "", 200, c => Create<Dashboard>().RunAsync(c.Request, CancellationToken.None)),
        ("Dashboard", "?colour=red", 400, c => Create<Dashboard>().RunAsync(c.Request, CancellationToken.None)),
        ("GetDatasetSchema", "", 200, c => Task.FromResult(Create<GetDatasetSchema>().Run(c.Request, "violence-admissions"))),
        ("GetDatasetSchema", "", 404, c => Task.FromResult(Create<GetDatasetSchema>().Run(c.Request, "nope"))),
        ("GetOpenApi", "", 200, c => Task.FromResult(GetOpenApi.Run(c.Request))),
        ("GetRelease", "", 404, c => Create<GetRelease>().RunAsync(c.Request, "serious-youth-violence-2030-01-01", CancellationToken.None)),
        ("ListReleases", "", 200, c => Create<ListReleases>().RunAsync(c.Request, CancellationToken.None)),
        ("ListReleases", "?dataset=nope", 400, c => Create<ListReleases>().RunAsync(c.Request, CancellationToken.None)),
        ("ReleaseCalendarPage", "", 200, c => Create<ReleaseCalendarPage>().RunAsync(c.Request, CancellationToken.None)),
        ("ReleaseCalendarPage", "?dataset=nope", 400, c => Create<ReleaseCalendarPage>().RunAsync(c.Request, CancellationToken.None)),
        ("GetSeries", "", 200, c => Create<GetSeries>().RunAsync(c.Request, CancellationToken.None)),
        ("GetSeries", "?format=csv", 200, c => Create<GetSeries>().RunAsync(c.Request, CancellationToken.None)),
        ("GetSeries", "?format=xml", 400, c => Create<GetSeries>().RunAsync(c.Request, CancellationToken.None)),
        ("GetSummary", "", 200, c => Create<GetSummary>().RunAsync(c.Request, CancellationToken.None)),
        ("GetSummary", "?basis=nope", 400, c => Create<GetSummary>().RunAsync(c.Request, CancellationToken.None)),
        ("GetUploadReport", "?file=samples/2024-Q3.csv", 200, c => Create<GetUploadReport>().RunAsync(c.Request, CancellationToken.None)),
        ("GetUploadReport", "?file=never.csv", 404, c => Create<GetUploadReport>().RunAsync(c.Request, CancellationToken.None)),
        ("ListDatasets", "", 200, c => Task.FromResult(Create<ListDatasets>().Run(c.Request))),
        ("ListRevisions", "", 200, c => Create<ListRevisions>().RunAsync(c.Request, CancellationToken.None)),
        ("ListUploads", "", 200, c => Create<ListUploads>().RunAsync(c.Request, CancellationToken.None)),
        ("ListUploads", "?limit=0", 400, c => Create<ListUploads>().RunAsync(c.Request, CancellationToken.None)),
        ("PageAsset", "", 200, c => Task.FromResult(Create<PageAsset>().Run(c.Request, "govuk-frontend.min.css"))),
        ("PageAsset", "", 404, c => Task.FromResult(Create<PageAsset>().Run(c.Request, "nope.css"))),
        ("SubmitPage", "", 200, c => Create<SubmitPage>().RunAsync(c.Request, CancellationToken.None)),
        ("SubmitPage", "", 401, c =>
        {
            c.Request.Headers.Remove(Principals.Header); // Nobody signed in.
            return Create<SubmitPage>().RunAsync(c.Request, CancellationToken.None);
        }),
    ];

    [Fact]
    public async Task Every_GET_function_answers_HEAD_with_the_same_status_and_headers_and_no_body()
    {
        var takingGet = FunctionsMetadataTests.Names
            .Where(n => FunctionsMetadataTests.TriggerOf(n) is var t && t.GetProperty("type").GetString() == "httpTrigger"
                && t.GetProperty("methods").EnumerateArray().Any(m => m.GetString() == "get"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(takingGet, Gets.Select(g => g.Function).Distinct().Order(StringComparer.Ordinal));

        foreach (var (function, query, status, call) in Gets)
        {
            var get = await HttpCall.CallAsync(App, "GET", [], call, query);
            var head = await HttpCall.CallAsync(App, "HEAD", [], call, query);

            Assert.True(status == get.StatusCode, $"GET {function}{query}: {get.StatusCode}, not {status}");
            Assert.True(get.StatusCode == head.StatusCode, $"HEAD {function}{query}: {head.StatusCode}, GET {get.StatusCode}");
            Assert.Equal(Headers(get), Headers(head));
            Assert.NotEmpty(get.Body());
            Assert.Equal(get.Body().Length, head.ContentLength);
            Assert.Empty(head.Body());
        }
    }

    [Fact]
    public async Task A_304_answers_HEAD_as_it_answers_GET()
    {
        var etag = (await HttpCall.GetSummaryAsync(App, "")).Headers.ETag.ToString();

        var get = await HttpCall.CallAsync(App, "GET", [], c => IfNoneMatch(c, etag, Create<GetSummary>().RunAsync));
        var head = await HttpCall.CallAsync(App, "HEAD", [], c => IfNoneMatch(c, etag, Create<GetSummary>().RunAsync));

        Assert.Equal((304, 304), (get.StatusCode, head.StatusCode));
        Assert.Equal(Headers(get), Headers(head));
        Assert.Equal((etag, "nosniff"), (head.Headers.ETag.ToString(), head.Headers.XContentTypeOptions.ToString()));
        Assert.Empty(head.Body());
    }

    [Fact]
    public async Task Every_answer_of_every_HTTP_function_says_nosniff()
    {
        var answers = new List<(string Request, HttpResponse Response)>();
        foreach (var (function, query, _, call) in Gets)
        {
            answers.Add(($"GET {function}{query}", await HttpCall.CallAsync(App, "GET", [], call, query)));
            answers.Add(($"HEAD {function}{query}", await HttpCall.CallAsync(App, "HEAD", [], call, query)));
        }

        var etag = (await HttpCall.GetSeriesAsync(App, "")).Headers.ETag.ToString();
        answers.Add(("GetSeries If-None-Match", await HttpCall.GetSeriesAsync(App, "", etag)));
        answers.Add(("ValidateReturn", await HttpCall.CallAsync(App, "POST", ReturnFiles.Valid("2024-Q3"), c => Create<ValidateReturn>().RunAsync(c.Request, CancellationToken.None))));
        answers.Add(("ValidateReturn ?dataset=nope", await HttpCall.CallAsync(App, "POST", ReturnFiles.Valid("2024-Q3"), c => Create<ValidateReturn>().RunAsync(c.Request, CancellationToken.None), "?dataset=nope")));
        answers.Add(("PutUpload", await HttpCall.CallAsync(App, "PUT", ReturnFiles.Valid("2025-Q1"), c => Create<PutUpload>().RunAsync(c.Request, "2025-Q1.csv", CancellationToken.None))));
        answers.Add(("PutUpload ../x.csv", await HttpCall.CallAsync(App, "PUT", ReturnFiles.Valid("2025-Q1"), c => Create<PutUpload>().RunAsync(c.Request, "../x.csv", CancellationToken.None))));

        Assert.Equal(
            [.. Gets.SelectMany(g => new[] { g.Status, g.Status }), 304, 200, 400, 201, 400],
            answers.Select(a => a.Response.StatusCode));
        Assert.All(answers, a => Assert.True(a.Response.Headers.XContentTypeOptions == "nosniff", $"{a.Request} ({a.Response.StatusCode}) is not nosniff"));
    }

    private T Create<T>() => ActivatorUtilities.CreateInstance<T>(App.Services);

    private static Task<IResult> IfNoneMatch(HttpContext context, string etag, Func<HttpRequest, CancellationToken, Task<IResult>> run)
    {
        context.Request.Headers.IfNoneMatch = etag;
        return run(context.Request, CancellationToken.None);
    }

    private static string[] Headers(HttpResponse response) =>
        [.. response.Headers.Select(h => $"{h.Key}: {h.Value}").Order(StringComparer.OrdinalIgnoreCase)];
}
