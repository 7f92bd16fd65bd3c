using Pipeline.Testing.Spreadsheets;

namespace Pipeline.Functions.Tests.Spreadsheets;

/// <summary>
/// The workbook of a series kept in pieces (600 areas x 8 quarters), through the function: made from the runs of areas
/// as they are read (the index, then one read a run per field's table), and what odfpy reads back is the CSV's figures.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LargeSeriesWorkbookTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly RequestCounter _storage = new();
    private PipelineHarness _app = null!;

    public async Task InitializeAsync()
    {
        _app = PipelineHarness.Over(azurite, await NationalPipeline.SettingsAsync(azurite), _storage);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_workbook_of_a_series_in_pieces_reads_its_runs_of_areas_and_equals_the_csv()
    {
        using var cold = PipelineHarness.Over(azurite, _app.Settings, _storage);
        _storage.Reset();
        var ods = await HttpCall.GetSeriesAsync(cold, "?dataset=national&format=ods");
        var requests = _storage.Count;
        var csv = SpreadsheetReaders.Csv((await HttpCall.GetSeriesAsync(cold, "?dataset=national&format=csv")).Text());
        var file = Path.Combine(Directory.CreateTempSubdirectory("large-series-").FullName, "national.ods");
        await File.WriteAllBytesAsync(file, ods.Body());

        var sheets = (await SpreadsheetReaders.OdfPyAsync([file]))[file]["sheets"]!.AsArray();

        Assert.Equal(200, ods.StatusCode);
        Assert.Equal(1 + (3 * 12), requests); // The index, then the twelve runs of 50 areas it is kept in, once for each field's table.
        var quarters = csv.Skip(1).Select(r => r[0]).Distinct().ToList();
        for (var field = 0; field < 3; field++)
        {
            var rows = sheets[3 + 1 + field]!["rows"]!.AsArray().Skip(2).ToList();
            Assert.Equal(600, rows.Count);
            for (var area = 0; area < 600; area += 7)
            {
                var code = NationalDataset.Code(area);
                var expected = quarters.Select(q => csv.Single(r => r[0] == q && r[1] == code)[3 + field]);
                Assert.Equal([code, NationalDataset.Name(area), .. expected], rows[area]!.AsArray().Take(2 + quarters.Count).Select(c => (string?)c!["value"] ?? (string)c!["text"]!));
            }
        }

        var totals = sheets[3]!["rows"]!.AsArray().Skip(2).Select(r => r!.AsArray().Take(4).Select(c => (string?)c!["value"] ?? (string)c!["text"]!)).ToList();
        Assert.Equal(csv.Where(r => r.Length > 1 && r[1] == "" && r[0] != "quarter").Select(r => r.Take(1).Concat(r.Skip(3))), totals);
    }
}
