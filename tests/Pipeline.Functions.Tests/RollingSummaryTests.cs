using System.Globalization;
using System.Text.Json;
using Pipeline.Core.Recalculation;

namespace Pipeline.Functions.Tests;

/// <summary><c>GET /api/summary?basis=rolling</c> (contract sections 4 and 5): the year ending with a quarter.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RollingSummaryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_samples_give_the_year_ending_December_2024_as_the_default_rolling_period_with_the_published_figures()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        await app.Get<RecalculationService>().RecalculateAsync(force: true);

        using var json = JsonDocument.Parse((await HttpCall.GetSummaryAsync(app, "?basis=rolling")).Body());
        var root = json.RootElement;
        Assert.Equal(("rolling", "2024-Q4", "2023-Q4", "complete"), (
            root.GetProperty("basis").GetString(), root.GetProperty("period").GetString(),
            root.GetProperty("previousPeriod").GetString(), root.GetProperty("status").GetString()));
        Assert.Equal(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"], root.GetProperty("quarters").EnumerateArray().Select(q => q.GetString()));
        var total = root.GetProperty("total");
        Assert.Equal(-13.73m, total.GetProperty("offences").GetProperty("changePercent").GetDecimal());
        Assert.Equal(-11.35m, total.GetProperty("knifeOffences").GetProperty("changePercent").GetDecimal());
        Assert.Equal(12.96m, total.GetProperty("positiveOutcomeRate").GetProperty("current").GetDecimal());
        Assert.Equal(8, root.GetProperty("sources").GetArrayLength());

        var explicitPeriod = await HttpCall.GetSummaryAsync(app, "?basis=rolling&period=2024-Q4");
        Assert.Equal(json.RootElement.GetRawText(), JsonDocument.Parse(explicitPeriod.Body()).RootElement.GetRawText());

        var csv = (await HttpCall.GetSummaryAsync(app, "?basis=rolling&format=csv")).Text().Split("\r\n");
        Assert.StartsWith("rolling,2024-Q4,2023-Q4,complete,,Total,6621,7675,-1054,-13.73,328,370,-42,-11.35,858,801,57,7.12,12.96,10.44,2.52", csv[^2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?basis=rolling&period=2024-Q3")] // needs 2022-Q4, which the samples do not have
    [InlineData("?basis=rolling&period=2023-Q4")] // needs 2022
    [InlineData("?basis=rolling&period=2025-Q1")] // needs 2025-Q1
    public async Task A_rolling_year_missing_any_of_its_eight_quarters_is_404_problem_json(string query)
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        await app.Get<RecalculationService>().RecalculateAsync(force: true);

        var response = await HttpCall.GetSummaryAsync(app, query);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        using var problem = JsonDocument.Parse(response.Body());
        Assert.StartsWith("There is no rolling comparison for period ", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?basis=rolling&period=2024")]
    [InlineData("?basis=rolling&period=2024/25")]
    [InlineData("?basis=rolling&period=2024Q3")]
    [InlineData("?basis=rolling&period=2024-q3")]
    public async Task A_rolling_period_that_is_not_a_quarter_is_400_naming_period(string query)
    {
        using var app = PipelineHarness.Create(azurite);

        var response = await HttpCall.GetSummaryAsync(app, query);

        Assert.Equal(400, response.StatusCode);
        using var problem = JsonDocument.Parse(response.Body());
        Assert.Equal("period", problem.RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_rolling_year_across_a_year_boundary_sums_the_eight_returns_as_uploaded()
    {
        using var app = PipelineHarness.Create(azurite);
        string[] quarters = ["2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"];
        int[] bases = [100, 90, 120, 80, 110, 85, 125, 95];
        var files = quarters.Select((q, i) => (Quarter: q, Bytes: ReturnFiles.Valid(q, offencesBase: bases[i]))).ToList();
        foreach (var (quarter, bytes) in files)
        {
            await app.UploadAsync($"{quarter}.csv", bytes);
            await app.Get<Core.Ingestion.UploadProcessor>().ProcessAsync($"{quarter}.csv");
        }

        await app.Get<RecalculationService>().RecalculateAsync(force: true);
        using var json = JsonDocument.Parse((await HttpCall.GetSummaryAsync(app, "?basis=rolling")).Body());

        // Expected figures read from the returns' own bytes, not from the pipeline.
        var previous = files.Take(4).Sum(f => OffencesIn(f.Bytes));
        var current = files.Skip(4).Sum(f => OffencesIn(f.Bytes));
        Assert.Equal((2814L, 2989L), (previous, current)); // 7 x (100 + 90 + 120 + 80) + 4 x 21; 7 x (110 + 85 + 125 + 95) + 4 x 21
        var offences = json.RootElement.GetProperty("total").GetProperty("offences");
        Assert.Equal("2024-Q1", json.RootElement.GetProperty("period").GetString());
        Assert.Equal("2023-Q1", json.RootElement.GetProperty("previousPeriod").GetString());
        Assert.Equal(current, offences.GetProperty("current").GetInt64());
        Assert.Equal(previous, offences.GetProperty("previous").GetInt64());
        Assert.Equal(175, offences.GetProperty("change").GetInt64());
        Assert.Equal(6.22m, offences.GetProperty("changePercent").GetDecimal()); // 100 x 175 / 2814 = 6.2189..
    }

    private static long OffencesIn(byte[] csv) => System.Text.Encoding.UTF8.GetString(csv)
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Skip(1)
        .Sum(line => long.Parse(line.Split(',')[3], CultureInfo.InvariantCulture));
}
