using System.Text.Json.Nodes;

namespace Pipeline.Functions.Tests.Spreadsheets;

/// <summary>format=ods's answers besides the workbook: refusals as the JSON's, the tag a client revalidates with, one area's workbook.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SpreadsheetRequestTests(AzuriteFixture azurite) : RecalculatedSamples(azurite)
{
    [Fact]
    public async Task A_format_that_is_not_one_is_refused_naming_ods_among_the_formats()
    {
        var summary = await HttpCall.GetSummaryAsync(App, "?format=xlsx");
        var series = await HttpCall.GetSeriesAsync(App, "?format=xlsx");

        Assert.Equal((400, "Parameter 'format': 'xlsx' is not a format. Use 'json', 'csv' or 'ods'."), (summary.StatusCode, (string)JsonNode.Parse(summary.Text())!["detail"]!));
        Assert.Equal((400, "Parameter 'format': 'xlsx' is not a format. Use 'json', 'csv' or 'ods'."), (series.StatusCode, (string)JsonNode.Parse(series.Text())!["detail"]!));
    }

    [Fact]
    public async Task An_area_or_period_without_figures_is_a_problem_not_a_workbook()
    {
        var area = await HttpCall.GetSummaryAsync(App, "?format=ods&area=E08000001");
        var period = await HttpCall.GetSummaryAsync(App, "?format=ods&period=2019");
        var series = await HttpCall.GetSeriesAsync(App, "?format=ods&area=E08000001");
        var twice = await HttpCall.GetSummaryAsync(App, "?format=ods&format=ods");

        Assert.Equal((404, "application/problem+json; charset=utf-8"), (area.StatusCode, area.ContentType));
        Assert.Equal("Area E08000001 is not in the calendar comparison for 2024.", (string)JsonNode.Parse(area.Text())!["detail"]!);
        Assert.Equal(404, period.StatusCode);
        Assert.Equal((404, "Area E08000001 is in no accepted quarter of serious-youth-violence."), (series.StatusCode, (string)JsonNode.Parse(series.Text())!["detail"]!));
        Assert.Equal(400, twice.StatusCode);
    }

    [Fact]
    public async Task The_workbook_has_its_own_tag_and_a_matching_request_gets_304()
    {
        var json = await HttpCall.GetSeriesAsync(App, "");
        var ods = await HttpCall.GetSeriesAsync(App, "?format=ods");
        var again = await HttpCall.GetSeriesAsync(App, "?format=ods", ifNoneMatch: ods.Headers.ETag.ToString());
        var summary = await HttpCall.GetSummaryAsync(App, "?format=ods&basis=financial&period=2024/25");

        Assert.NotEqual(json.Headers.ETag.ToString(), ods.Headers.ETag.ToString());
        Assert.Null(ods.ContentLength); // Made as it is sent: its length is not known first.
        Assert.Equal((304, 0), (again.StatusCode, again.Body().Length));
        Assert.Equal("attachment; filename=\"serious-youth-violence-financial-2024-25.ods\"", summary.Headers.ContentDisposition.ToString());
    }

    [Fact]
    public async Task One_areas_workbooks_hold_that_area_alone()
    {
        var summary = await HttpCall.GetSummaryAsync(App, "?format=ods&area=E08000029");
        var series = await HttpCall.GetSeriesAsync(App, "?format=ods&area=E08000029");
        var folder = Directory.CreateTempSubdirectory("one-area-").FullName;
        var files = new[] { Path.Combine(folder, "summary.ods"), Path.Combine(folder, "series.ods") };
        await File.WriteAllBytesAsync(files[0], summary.Body());
        await File.WriteAllBytesAsync(files[1], series.Body());

        var read = await Pipeline.Testing.Spreadsheets.SpreadsheetReaders.OdfPyAsync(files);

        Assert.Equal("attachment; filename=\"serious-youth-violence-calendar-2024-e08000029.ods\"", summary.Headers.ContentDisposition.ToString());
        Assert.Equal("attachment; filename=\"serious-youth-violence-e08000029-every-quarter.ods\"", series.Headers.ContentDisposition.ToString());
        var offences = read[files[0]]["sheets"]![4]!["rows"]!.AsArray();
        Assert.Equal(3, offences.Count); // The title, the header, Solihull.
        Assert.Equal(["E08000029", "Solihull", "391", "310", "-81", "-20.72"], offences[2]!.AsArray().Take(6).Select(c => (string?)c!["value"] ?? (string)c!["text"]!));
        var quarters = read[files[1]]["sheets"]![4]!["rows"]!.AsArray();
        Assert.Equal(3, quarters.Count);
        Assert.Equal("Solihull", (string?)quarters[2]![1]!["text"]);
    }
}
