using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Functions.Tests;

/// <summary>
/// <c>GET /api/series</c> (contract section 7) after the samples' recalculation, against a series built here
/// independently from the sample files, and the JSON Schema docs/schemas/series.schema.json.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GetSeriesTests(AzuriteFixture azurite) : RecalculatedSamples(azurite)
{
    [Fact]
    public async Task The_series_is_every_sample_quarter_oldest_first_with_each_areas_and_the_totals()
    {
        var response = await HttpCall.GetSeriesAsync(App, "");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        var served = JsonNode.Parse(response.Body())!;
        Assert.True(JsonNode.DeepEquals(SeriesOfSamples(), served), response.Text());
        Assert.Equal(
            ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"],
            served["quarters"]!.AsArray().Select(q => (string)q!["quarter"]!));
        Assert.Equal(7675, served["quarters"]!.AsArray().Take(4).Sum(q => (long)q!["total"]!["offences"]!));
        Assert.Equal(6621, served["quarters"]!.AsArray().Skip(4).Sum(q => (long)q!["total"]!["offences"]!));
    }

    [Fact]
    public async Task Real_responses_match_the_series_schema_and_broken_ones_do_not()
    {
        var series = JsonNode.Parse((await HttpCall.GetSeriesAsync(App, "")).Body())!;
        var area = JsonNode.Parse((await HttpCall.GetSeriesAsync(App, "?area=E08000026")).Body())!;
        var admissions = JsonNode.Parse((await HttpCall.GetSeriesAsync(App, "?dataset=violence-admissions")).Body());

        ResponseSchemas.AssertValid(ResponseSchemas.Series, series);
        ResponseSchemas.AssertValid(ResponseSchemas.Series, area);
        Assert.Null(admissions!["quarters"]); // A 404 problem: none of its samples were ingested.
        ResponseSchemas.AssertInvalid(ResponseSchemas.Series, With(series, s => s["quarters"]![0]!["total"]!["offences"] = -1));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Series, With(series, s => s["quarters"]![0]!["areas"]![0]!["offences"] = "688"));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Series, With(series, s => s["quarters"]![0]!["quarter"] = "2023 Q1"));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Series, With(series, s => s["quarters"]![0]!.AsObject().Remove("areas")));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Series, With(series, s => s["quarters"]![0]!["total"]!["Knife Offences"] = 1));
    }

    [Fact]
    public async Task The_area_parameter_keeps_only_that_area_in_every_quarter_and_the_totals_of_all()
    {
        var served = JsonNode.Parse((await HttpCall.GetSeriesAsync(App, "?area=E08000029")).Body())!;

        var quarters = served["quarters"]!.AsArray();
        Assert.Equal(8, quarters.Count);
        Assert.All(quarters, q => Assert.Equal("Solihull", (string)Assert.Single(q!["areas"]!.AsArray())!["name"]!));
        Assert.Equal(SeriesOfSamples()["quarters"]![7]!["areas"]![4]!.ToJsonString(), quarters[7]!["areas"]![0]!.ToJsonString());
        Assert.Equal(SeriesOfSamples()["quarters"]![7]!["total"]!.ToJsonString(), quarters[7]!["total"]!.ToJsonString());
    }

    [Fact]
    public async Task The_csv_has_the_csvw_columns_a_row_per_quarter_and_area_and_a_total_row_per_quarter()
    {
        var response = await HttpCall.GetSeriesAsync(App, "?format=csv");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.ContentType);
        var lines = response.Text().Split("\r\n");
        Assert.Equal("", lines[^1]);
        Assert.Equal(1 + (8 * (7 + 1)), lines.Length - 1);
        Assert.Equal("quarter,area_code,area_name,offences,knife_offences,positive_outcomes", lines[0]);
        var sample = File.ReadAllLines(RepositoryRoot.Combine("samples", "2023-Q1.csv"))[1];
        Assert.Equal(sample, lines[1]);
        var total = SeriesOfSamples()["quarters"]![7]!["total"]!;
        Assert.Equal($"2024-Q4,,Total,{total["offences"]},{total["knife_offences"]},{total["positive_outcomes"]}", lines[^2]);
        var csvw = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("docs", "csvw", "serious-youth-violence.csv-metadata.json")))!;
        Assert.Equal(
            lines[0].Split(','),
            csvw["tables"]![1]!["tableSchema"]!["columns"]!.AsArray().Select(c => (string)c!["name"]!));
    }

    [Fact]
    public async Task A_series_costs_one_storage_request_and_none_while_fresh()
    {
        var first = await HttpCall.GetSeriesAsync(App, "");
        var read = Assert.Single(StorageRequests.Requests); // The sample series is inline in its index entity: one point read.
        Assert.StartsWith("GET ", read, StringComparison.Ordinal);
        Assert.Contains("PartitionKey='series',RowKey='all'", Uri.UnescapeDataString(read), StringComparison.Ordinal);

        await HttpCall.GetSeriesAsync(App, "?format=csv&area=E08000026");
        var again = await HttpCall.GetSeriesAsync(App, "", ifNoneMatch: first.Headers.ETag.ToString());
        Assert.Equal(1, StorageRequests.Count);
        Assert.Equal(304, again.StatusCode);
        Assert.Matches("^\"[0-9a-f]{32}\"$", first.Headers.ETag.ToString());
        Assert.Equal("public, max-age=60", first.Headers.CacheControl.ToString());

        App.Clock.Advance(TimeSpan.FromSeconds(61));
        await HttpCall.GetSeriesAsync(App, "");
        Assert.Equal(2, StorageRequests.Count);
    }

    [Theory]
    [InlineData("?area=Birmingham", "area")]
    [InlineData("?format=xml", "format")]
    [InlineData("?format=", "format")]
    [InlineData("?basis=calendar", "basis")]
    [InlineData("?dataset=violence", "dataset")]
    [InlineData("?area=E08000025&area=E08000026", "area")]
    public async Task A_malformed_or_unknown_parameter_gets_400_problem_json_naming_it(string query, string parameter)
    {
        var response = await HttpCall.GetSeriesAsync(App, query);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        using var problem = JsonDocument.Parse(response.Body());
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
        Assert.Contains(parameter, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?area=E08000099")]
    [InlineData("?dataset=violence-admissions")]
    public async Task An_area_in_no_quarter_or_a_dataset_with_no_series_gets_404_problem_json(string query)
    {
        var response = await HttpCall.GetSeriesAsync(App, query);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
    }

    /// <summary>The contract's shape, built straight from the sample files (never through the code under test).</summary>
    internal static JsonObject SeriesOfSamples(string folder = "samples", string dataset = "serious-youth-violence")
    {
        var quarters = new JsonArray();
        foreach (var path in Directory.GetFiles(RepositoryRoot.Combine(folder), "*.csv").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
            var header = lines[0];
            var total = new JsonObject();
            var areas = new JsonArray();
            for (var c = 3; c < header.Length; c++)
            {
                total[header[c]] = lines.Skip(1).Sum(row => long.Parse(row[c], CultureInfo.InvariantCulture));
            }

            foreach (var row in lines.Skip(1).OrderBy(r => r[1], StringComparer.Ordinal))
            {
                var area = new JsonObject { ["code"] = row[1], ["name"] = row[2] };
                for (var c = 3; c < header.Length; c++)
                {
                    area[header[c]] = long.Parse(row[c], CultureInfo.InvariantCulture);
                }

                areas.Add(area);
            }

            quarters.Add(new JsonObject { ["quarter"] = lines[1][0], ["total"] = total, ["areas"] = areas });
        }

        return new JsonObject { ["dataset"] = dataset, ["quarters"] = quarters };
    }

    private static JsonNode With(JsonNode original, Action<JsonNode> change)
    {
        var copy = original.DeepClone();
        change(copy);
        return copy;
    }
}
