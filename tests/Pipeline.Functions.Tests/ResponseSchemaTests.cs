using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Recalculation;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Every kind of JSON the API answers, taken from real responses of the function classes against Azurite, validates
/// against its JSON Schema in docs/schemas/; and each schema refuses what the contract does not allow.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ResponseSchemaTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_summary_of_the_samples_on_every_basis_and_dataset_matches_the_summary_schema()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        foreach (var path in Directory.GetFiles(RepositoryRoot.Combine("samples", "violence-admissions"), "*.csv"))
        {
            var name = "violence-admissions/" + Path.GetFileName(path);
            await app.UploadAsync(name, await File.ReadAllBytesAsync(path));
            await app.Get<Core.Ingestion.UploadProcessor>().ProcessAsync(name);
        }

        await app.Get<RecalculationService>().RecalculateAsync(force: true);

        string[] queries =
        [
            "", "?basis=financial", "?basis=financial&period=2023-24", "?basis=rolling", "?area=E08000029",
            "?basis=rolling&area=E08000025", "?dataset=violence-admissions", "?dataset=violence-admissions&basis=rolling",
            "?dataset=violence-admissions&basis=financial",
        ];
        foreach (var query in queries)
        {
            var response = await HttpCall.GetSummaryAsync(app, query);
            Assert.Equal(200, response.StatusCode);
            ResponseSchemas.AssertValid(ResponseSchemas.Summary, response.Body());
        }
    }

    [Fact]
    public async Task The_summary_schema_takes_revision_and_acceptedAt_in_sources_and_refuses_what_the_contract_does_not_allow()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        await app.Get<RecalculationService>().RecalculateAsync(force: true);
        var summary = JsonNode.Parse((await HttpCall.GetSummaryAsync(app, "?basis=rolling")).Body())!;

        var revised = summary.DeepClone();
        revised["sources"]![0]!["revision"] = 2;
        revised["sources"]![0]!["acceptedAt"] = "2026-11-26T02:00:00+00:00";
        ResponseSchemas.AssertValid(ResponseSchemas.Summary, revised);

        ResponseSchemas.AssertInvalid(ResponseSchemas.Summary, With(summary, s => s["sources"]![0]!["revision"] = 0));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Summary, With(summary, s => s["sources"]![0]!["acceptedAt"] = "yesterday"));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Summary, With(summary, s => s["status"] = "year-to-date")); // rolling is always complete
        ResponseSchemas.AssertInvalid(ResponseSchemas.Summary, With(summary, s => s["period"] = "2024")); // not a rolling period
        ResponseSchemas.AssertInvalid(ResponseSchemas.Summary, With(summary, s => s["basis"] = "fiscal"));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Summary, With(summary, s => s["total"]!["offences"]!["changePercent"] = "-13.73"));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Summary, With(summary, s => s["total"]!["offences"]!["current"] = -1));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Summary, With(summary, s => s["areas"]![0]!["code"] = "Birmingham"));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Summary, With(summary, s => s["colour"] = "blue"));
    }

    [Fact]
    public async Task Reports_and_outcomes_of_accepted_and_rejected_returns_match_their_schemas()
    {
        using var app = PipelineHarness.Create(azurite);
        var withWarning = ReturnFiles.ValidBuilder("2024-Q2").WithBlankLine().BuildBytes();

        var valid = await HttpCall.CallAsync(app, "POST", ReturnFiles.Valid("2024-Q3"), c => Function<ValidateReturn>(app).RunAsync(c.Request, CancellationToken.None));
        var invalid = await HttpCall.CallAsync(app, "POST", ReturnFiles.KnifeExceedsOffences("2024-Q3"), c => Function<ValidateReturn>(app).RunAsync(c.Request, CancellationToken.None));
        var warned = await HttpCall.CallAsync(app, "POST", withWarning, c => Function<ValidateReturn>(app).RunAsync(c.Request, CancellationToken.None));
        var accepted = await HttpCall.CallAsync(app, "PUT", ReturnFiles.Valid("2024-Q3"), c => Function<PutUpload>(app).RunAsync(c.Request, "returns/2024-Q3.csv", CancellationToken.None));
        var rejected = await HttpCall.CallAsync(app, "PUT", ReturnFiles.KnifeExceedsOffences("2024-Q1"), c => Function<PutUpload>(app).RunAsync(c.Request, "returns/2024-Q1.csv", CancellationToken.None));
        var report = await HttpCall.CallAsync(app, "GET", [], c => Function<GetUploadReport>(app).RunAsync(c.Request, CancellationToken.None), "?file=returns/2024-Q1.csv");

        Assert.Equal((200, 200, 200, 201, 201, 200), (valid.StatusCode, invalid.StatusCode, warned.StatusCode, accepted.StatusCode, rejected.StatusCode, report.StatusCode));
        foreach (var body in new[] { valid, invalid, warned, report })
        {
            ResponseSchemas.AssertValid(ResponseSchemas.Report, body.Body());
        }

        ResponseSchemas.AssertValid(ResponseSchemas.Outcome, accepted.Body());
        ResponseSchemas.AssertValid(ResponseSchemas.Outcome, rejected.Body());
        var invalidReport = JsonNode.Parse(invalid.Body())!;
        ResponseSchemas.AssertInvalid(ResponseSchemas.Report, With(invalidReport, r => r["valid"] = true)); // valid with errors
        ResponseSchemas.AssertInvalid(ResponseSchemas.Report, With(invalidReport, r => r["errors"]![0]!["row"] = 0));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Outcome, With(JsonNode.Parse(accepted.Body())!, o => o["status"] = "stored"));
    }

    [Fact]
    public async Task Every_error_answer_is_a_problem_that_matches_the_problem_schema()
    {
        using var app = PipelineHarness.Create(azurite);

        HttpResponse[] problems =
        [
            await HttpCall.GetSummaryAsync(app, "?basis=rolling&period=2024"),
            await HttpCall.GetSummaryAsync(app, "?basis=rolling"),
            await HttpCall.CallAsync(app, "GET", [], c => Function<GetUploadReport>(app).RunAsync(c.Request, CancellationToken.None), "?file=never.csv"),
            await HttpCall.CallAsync(app, "POST", ReturnFiles.Valid("2024-Q3"), c => Function<ValidateReturn>(app).RunAsync(c.Request, CancellationToken.None), "?dataset=nope"),
            await HttpCall.CallAsync(app, "PUT", ReturnFiles.Valid("2024-Q3"), c => Function<PutUpload>(app).RunAsync(c.Request, "../x.csv", CancellationToken.None)),
            await HttpCall.CallAsync(app, "GET", [], c => Task.FromResult(Function<GetDatasetSchema>(app).Run(c.Request, "nope"))),
        ];

        Assert.Equal([400, 404, 404, 400, 400, 404], problems.Select(p => p.StatusCode));
        Assert.All(problems, p => Assert.Equal("application/problem+json; charset=utf-8", p.ContentType));
        Assert.All(problems, p => ResponseSchemas.AssertValid(ResponseSchemas.Problem, p.Body()));
    }

    [Fact]
    public void The_outcome_schema_carries_the_validation_report_schema_unchanged()
    {
        var report = JsonNode.Parse(ResponseSchemas.Text(ResponseSchemas.Report))!.AsObject();
        report.Remove("$schema");
        var inOutcome = JsonNode.Parse(ResponseSchemas.Text(ResponseSchemas.Outcome))!["properties"]!["report"];

        Assert.True(JsonNode.DeepEquals(report, inOutcome), "outcome.schema.json's report is not validation-report.schema.json.");
    }

    private static T Function<T>(PipelineHarness app) => ActivatorUtilities.CreateInstance<T>(app.Services);

    private static JsonNode With(JsonNode original, Action<JsonNode> change)
    {
        var copy = original.DeepClone();
        change(copy);
        return copy;
    }
}
