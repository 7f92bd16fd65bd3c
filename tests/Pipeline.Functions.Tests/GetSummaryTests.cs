using System.Text.Json;

namespace Pipeline.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class GetSummaryTests(AzuriteFixture azurite) : RecalculatedSamples(azurite)
{
    [Fact]
    public async Task The_default_summary_is_the_calendar_2024_comparison_as_stored_in_the_snapshot()
    {
        var response = await HttpCall.GetSummaryAsync(App, "");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        var path = RepositoryRoot.Combine("tests", "Pipeline.Functions.Tests", "Snapshots", "summary-calendar-2024.json");
        var snapshot = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        if (snapshot != response.Text())
        {
            // The test never rewrites the snapshot. It leaves what it received beside it; accepting that is a separate,
            // deliberate step (scripts/accept-snapshots.sh), after reading the diff.
            await File.WriteAllTextAsync(path + ".received", response.Text());
        }

        Assert.Equal(snapshot, response.Text());
    }

    [Fact]
    public async Task The_sample_summary_carries_the_published_figures()
    {
        using var json = JsonDocument.Parse((await HttpCall.GetSummaryAsync(App, "?basis=calendar&period=2024")).Body());
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(7675, total.GetProperty("offences").GetProperty("previous").GetInt64());
        Assert.Equal(6621, total.GetProperty("offences").GetProperty("current").GetInt64());
        Assert.Equal(-13.73m, total.GetProperty("offences").GetProperty("changePercent").GetDecimal());
        Assert.Equal(-11.35m, total.GetProperty("knifeOffences").GetProperty("changePercent").GetDecimal());
        Assert.Equal(858, total.GetProperty("positiveOutcomes").GetProperty("current").GetInt64());
        Assert.Equal(12.96m, total.GetProperty("positiveOutcomeRate").GetProperty("current").GetDecimal());
        Assert.Equal("complete", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("2023", json.RootElement.GetProperty("previousPeriod").GetString());
    }

    [Fact]
    public async Task Every_200_has_an_ETag_and_a_matching_If_None_Match_gets_304()
    {
        var first = await HttpCall.GetSummaryAsync(App, "?basis=financial");
        var etag = first.Headers.ETag.ToString();
        Assert.Matches("^\"[0-9a-f]{32}\"$", etag);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl.ToString());

        var again = await HttpCall.GetSummaryAsync(App, "?basis=financial", ifNoneMatch: etag);
        Assert.Equal(304, again.StatusCode);
        Assert.Empty(again.Body());
        Assert.Equal(etag, again.Headers.ETag.ToString());

        var other = await HttpCall.GetSummaryAsync(App, "?basis=financial", ifNoneMatch: "\"0000\"");
        Assert.Equal(200, other.StatusCode);
    }

    [Fact]
    public async Task A_summary_costs_one_storage_request_and_none_while_fresh()
    {
        await HttpCall.GetSummaryAsync(App, "?basis=calendar");
        Assert.Equal(1, StorageRequests.Count);

        await HttpCall.GetSummaryAsync(App, "?basis=calendar");
        await HttpCall.GetSummaryAsync(App, "?basis=calendar&format=csv&area=E08000026");
        Assert.Equal(1, StorageRequests.Count);

        App.Clock.Advance(TimeSpan.FromSeconds(61));
        await HttpCall.GetSummaryAsync(App, "?basis=calendar");
        Assert.Equal(2, StorageRequests.Count);
    }

    [Theory]
    [InlineData("?period=2024/25&basis=financial")]
    [InlineData("?period=2024-25&basis=financial")]
    [InlineData("?basis=financial")]
    public async Task Financial_periods_are_named_with_a_slash_or_a_hyphen(string query)
    {
        using var json = JsonDocument.Parse((await HttpCall.GetSummaryAsync(App, query)).Body());
        Assert.Equal("financial", json.RootElement.GetProperty("basis").GetString());
        Assert.Equal("2024/25", json.RootElement.GetProperty("period").GetString());
        Assert.Equal("2023/24", json.RootElement.GetProperty("previousPeriod").GetString());
        Assert.Equal("year-to-date", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_area_parameter_keeps_only_that_area()
    {
        using var json = JsonDocument.Parse((await HttpCall.GetSummaryAsync(App, "?area=E08000029")).Body());
        var area = Assert.Single(json.RootElement.GetProperty("areas").EnumerateArray());
        Assert.Equal("E08000029", area.GetProperty("code").GetString());
        Assert.Equal("Solihull", area.GetProperty("name").GetString());
        Assert.Equal(6621, json.RootElement.GetProperty("total").GetProperty("offences").GetProperty("current").GetInt64());
    }

    [Fact]
    public async Task The_csv_format_has_a_header_a_row_per_area_and_a_total_row()
    {
        var response = await HttpCall.GetSummaryAsync(App, "?format=csv");

        Assert.Equal(200, response.StatusCode);
        Assert.StartsWith("text/csv", response.ContentType, StringComparison.Ordinal);
        var lines = response.Text().Split("\r\n");
        Assert.Equal("", lines[^1]);
        Assert.Equal(1 + 7 + 1, lines.Length - 1);
        Assert.StartsWith("basis,period,previous_period,status,area_code,area_name,offences_current", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("calendar,2024,2023,complete,E08000025,Birmingham,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("calendar,2024,2023,complete,,Total,6621,7675,-1054,-13.73,328,370,-42,-11.35,858,801,57,7.12,12.96,10.44,2.52", lines[8], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?basis=fiscal", "basis")]
    [InlineData("?basis=Calendar", "basis")]
    [InlineData("?period=2024/25", "period")]
    [InlineData("?basis=financial&period=2024", "period")]
    [InlineData("?basis=financial&period=2024/26", "period")]
    [InlineData("?period=24", "period")]
    [InlineData("?area=Birmingham", "area")]
    [InlineData("?format=xml", "format")]
    [InlineData("?format=", "format")]
    [InlineData("?colour=blue", "colour")]
    [InlineData("?basis=calendar&basis=financial", "basis")]
    public async Task A_malformed_or_unknown_parameter_gets_400_problem_json_naming_it(string query, string parameter)
    {
        var response = await HttpCall.GetSummaryAsync(App, query);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        using var problem = JsonDocument.Parse(response.Body());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
        Assert.Contains(parameter, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?period=2019")]
    [InlineData("?area=E08000099")]
    [InlineData("?basis=financial&period=2030/31")]
    public async Task A_comparison_that_does_not_exist_gets_404_problem_json(string query)
    {
        var response = await HttpCall.GetSummaryAsync(App, query);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        using var problem = JsonDocument.Parse(response.Body());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Before_any_recalculation_the_summary_is_404()
    {
        using var empty = PipelineHarness.Create(Azurite);
        var response = await HttpCall.GetSummaryAsync(empty, "");
        Assert.Equal(404, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
    }

    [Fact]
    public async Task The_dataset_parameter_chooses_the_dataset_and_an_unknown_one_is_a_400_naming_it()
    {
        var known = await HttpCall.GetSummaryAsync(App, "?dataset=serious-youth-violence");
        var unknown = await HttpCall.GetSummaryAsync(App, "?dataset=violence");
        var empty = await HttpCall.GetSummaryAsync(App, "?dataset=violence-admissions");

        Assert.Equal(200, known.StatusCode);
        Assert.Equal(400, unknown.StatusCode);
        using var problem = JsonDocument.Parse(unknown.Body());
        Assert.Equal("dataset", problem.RootElement.GetProperty("parameter").GetString());
        Assert.Equal(404, empty.StatusCode);
    }
}
