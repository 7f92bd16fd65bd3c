using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Functions.Tests;

/// <summary>The API's function classes, called as the ASP.NET Core integration calls them (the routes over HTTP are in ServeApiTests).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PutUpload_stores_processes_and_answers_201()
    {
        using var app = PipelineHarness.Create(azurite);

        var response = await HttpCall.CallAsync(app, "PUT", ReturnFiles.Valid("2024-Q3"), f => ActivatorUtilities.CreateInstance<PutUpload>(app.Services).RunAsync(f.Request, "returns/2024-Q3.csv", CancellationToken.None));

        Assert.Equal(201, response.StatusCode);
        using var outcome = JsonDocument.Parse(response.Body());
        Assert.Equal(("accepted", "ops@example.org"), (outcome.RootElement.GetProperty("status").GetString(), outcome.RootElement.GetProperty("sentBy").GetString()));
        Assert.Equal(["returns/2024-Q3.csv"], await app.ListAsync(app.Accepted));
        Assert.Equal("ops@example.org", Assert.Single(await app.Get<Core.Ports.IUploadLedger>().ListAsync()).SentBy);
    }

    [Theory]
    [InlineData("../back.csv")]
    [InlineData("a/./b.csv")]
    [InlineData("..\\..\\accepted\\rt.csv")]
    [InlineData("violence-admissions\\x.csv")]
    [InlineData("rt-bidi-\u202Egpj.csv")]
    [InlineData("rt\u0000.csv")]
    [InlineData("a%2F..%2F..%2Faccepted%2Fx.csv")] // The route's value with its one undecoded escape: a folder.
    public async Task PutUpload_refuses_a_name_the_storage_client_would_resolve_elsewhere(string name)
    {
        using var app = PipelineHarness.Create(azurite);

        var response = await HttpCall.CallAsync(app, "PUT", ReturnFiles.Valid("2024-Q3"), f => ActivatorUtilities.CreateInstance<PutUpload>(app.Services).RunAsync(f.Request, name, CancellationToken.None));

        Assert.Equal(400, response.StatusCode);
        using var problem = JsonDocument.Parse(response.Body());
        Assert.Equal("name", problem.RootElement.GetProperty("parameter").GetString());
        Assert.Empty(await app.ListAsync(app.Uploads));
        Assert.Empty(await app.ListAsync(app.Accepted));
    }

    [Fact]
    public async Task PutUpload_without_a_content_length_is_411()
    {
        using var app = PipelineHarness.Create(azurite);

        var response = await HttpCall.CallAsync(app, "PUT", ReturnFiles.Valid("2024-Q3"), f =>
        {
            f.Request.ContentLength = null;
            return ActivatorUtilities.CreateInstance<PutUpload>(app.Services).RunAsync(f.Request, "2024-Q3.csv", CancellationToken.None);
        });

        Assert.Equal(411, response.StatusCode);
    }

    [Fact]
    public async Task ValidateReturn_ListUploads_GetUploadReport_and_ListDatasets_answer_as_the_routes_do()
    {
        using var app = PipelineHarness.Create(azurite);

        var validate = await HttpCall.CallAsync(app, "POST", ReturnFiles.Valid("2024-Q3"), f => ActivatorUtilities.CreateInstance<ValidateReturn>(app.Services).RunAsync(f.Request, CancellationToken.None));
        var list = await HttpCall.CallAsync(app, "GET", [], f => ActivatorUtilities.CreateInstance<ListUploads>(app.Services).RunAsync(f.Request, CancellationToken.None));
        var report = await HttpCall.CallAsync(app, "GET", [], f => ActivatorUtilities.CreateInstance<GetUploadReport>(app.Services).RunAsync(f.Request, CancellationToken.None), "?file=x.csv");
        var datasets = await HttpCall.CallAsync(app, "GET", [], f => Task.FromResult(ActivatorUtilities.CreateInstance<ListDatasets>(app.Services).Run(f.Request)));

        Assert.Equal((200, 200, 404, 200), (validate.StatusCode, list.StatusCode, report.StatusCode, datasets.StatusCode));
        Assert.Equal("[]", System.Text.Encoding.UTF8.GetString(list.Body()));
    }

    [Fact]
    public async Task SubmitPage_asks_nobody_to_sign_in_and_serves_a_submitter_the_form()
    {
        using var app = PipelineHarness.Create(azurite);

        var refused = await HttpCall.CallAsync(app, "GET", [], f => ActivatorUtilities.CreateInstance<SubmitPage>(app.Services).RunAsync(f.Request, CancellationToken.None), anonymous: true);
        var served = await HttpCall.CallAsync(
            app, "GET", [], f => ActivatorUtilities.CreateInstance<SubmitPage>(app.Services).RunAsync(f.Request, CancellationToken.None), principal: Principals.Of("nhs@example.org", "Submit.violence-admissions"));
        var css = await HttpCall.CallAsync(app, "GET", [], f => Task.FromResult(ActivatorUtilities.CreateInstance<PageAsset>(app.Services).Run(f.Request, "govuk-frontend.min.css")), anonymous: true);

        Assert.Equal(401, refused.StatusCode);
        Assert.Contains("href=\"/.auth/login/aad?post_login_redirect_uri=/submit\"", System.Text.Encoding.UTF8.GetString(refused.Body()), StringComparison.Ordinal);
        Assert.Equal(200, served.StatusCode);
        Assert.StartsWith("text/html", served.ContentType, StringComparison.Ordinal);
        var page = System.Text.Encoding.UTF8.GetString(served.Body());
        Assert.Contains("Send the file", page, StringComparison.Ordinal);
        Assert.Contains("value=\"violence-admissions\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"serious-youth-violence\"", page, StringComparison.Ordinal);
        Assert.Equal(200, css.StatusCode);
    }

    [Fact]
    public async Task ListRevisions_lists_each_correction_with_totals_before_and_after_and_is_empty_before_any()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        Task<HttpResponse> Revisions(string query = "") =>
            HttpCall.CallAsync(app, "GET", [], f => ActivatorUtilities.CreateInstance<ListRevisions>(app.Services).RunAsync(f.Request, CancellationToken.None), query);

        var none = await Revisions();
        Assert.Equal((200, "[]\n"), (none.StatusCode, none.Text()));

        app.Clock.Advance(TimeSpan.FromHours(2));
        var previousSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(RepositoryRoot.Combine("samples", "2024-Q4.csv"))));
        var correction = ReturnBuilder.ForQuarter("2024-Q4").WithCounts("E08000025", "Birmingham", 900, 40, 120).BuildBytes();
        await app.UploadAsync("fixes/2024-Q4.csv", correction);
        Assert.Equal(Core.Returns.UploadStatus.Accepted, (await app.Get<Core.Ingestion.UploadProcessor>().ProcessAsync("fixes/2024-Q4.csv"))!.Status);

        var response = await Revisions("?dataset=serious-youth-violence");
        Assert.Equal(200, response.StatusCode);
        ResponseSchemas.AssertValid("revisions.schema.json", response.Body());
        using var log = JsonDocument.Parse(response.Body());
        var entry = Assert.Single(log.RootElement.EnumerateArray());
        Assert.Equal(
            ("2024-Q4", 2, "fixes/2024-Q4.csv", "samples/2024-Q4.csv", previousSha),
            (entry.GetProperty("quarter").GetString(), entry.GetProperty("revision").GetInt32(), entry.GetProperty("file").GetString(),
             entry.GetProperty("previous").GetProperty("file").GetString(), entry.GetProperty("previous").GetProperty("sha256").GetString()));
        Assert.Equal(PipelineHarness.Today.AddHours(2), entry.GetProperty("acceptedAt").GetDateTimeOffset());
        var offences = entry.GetProperty("totals").GetProperty("offences");
        Assert.Equal((1523L, 900L + 110 + 120 + 130 + 140 + 150 + 160), (offences.GetProperty("previous").GetInt64(), offences.GetProperty("current").GetInt64()));
        Assert.Equal(["offences", "knife_offences", "positive_outcomes"], entry.GetProperty("totals").EnumerateObject().Select(p => p.Name));

        var bad = await Revisions("?dataset=nope");
        Assert.Equal(400, bad.StatusCode);
        using var problem = JsonDocument.Parse(bad.Body());
        Assert.Equal("dataset", problem.RootElement.GetProperty("parameter").GetString());
    }
}
