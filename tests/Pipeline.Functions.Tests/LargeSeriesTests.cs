using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Core.Series;

namespace Pipeline.Functions.Tests;

/// <summary>
/// <c>GET /api/series</c> of a series large enough to be kept in pieces (600 areas x 8 quarters, about 500 KB), through
/// the function: the whole JSON and CSV are streamed with the length and ETag promised before the first byte, HEAD and
/// 304 cost no piece, and one area's series is what the whole series says of it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LargeSeriesTests(AzuriteFixture azurite) : IAsyncLifetime
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

    [Theory]
    [InlineData("json", "application/json; charset=utf-8")]
    [InlineData("csv", "text/csv; charset=utf-8")]
    public async Task The_whole_series_is_streamed_a_quarter_at_a_time_with_its_length_and_etag_known_first(string format, string type)
    {
        _storage.Reset();
        var response = await HttpCall.GetSeriesAsync(_app, $"?dataset=national&format={format}");

        Assert.Equal((200, type), (response.StatusCode, response.ContentType));
        var body = response.Body();
        Assert.Equal(body.Length, response.ContentLength);
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"", response.Headers.ETag.ToString());
        Assert.Equal(1 + 8, _storage.Count); // The index entity, then a piece a quarter.
        var whole = (await _app.Get<SeriesService>().DocumentAsync(NationalDataset.Id))!;
        var document = SeriesJson.Deserialize(whole, _app.Get<Core.Datasets.DatasetRegistry>().All.Single(d => d.Id == NationalDataset.Id));
        Assert.Equal(format == "json" ? whole : SeriesCsv.ToUtf8Bytes(document), body);
        Assert.Equal(600, document.Quarters[7].Areas.Count);

        // HEAD: the same headers, no body, no piece read; a matching If-None-Match: 304, no piece read.
        _storage.Reset();
        var head = await HttpCall.CallAsync(_app, "HEAD", [], c => new GetSeries(_app.Get<Web.FiguresHandlers>()).RunAsync(c.Request, CancellationToken.None), $"?dataset=national&format={format}");
        Assert.Equal((200, (long?)body.Length, 0L), (head.StatusCode, head.ContentLength, head.Body.Length));
        var again = await HttpCall.GetSeriesAsync(_app, $"?dataset=national&format={format}", response.Headers.ETag.ToString());
        Assert.Equal(304, again.StatusCode);
        Assert.Equal(0, _storage.Count);
    }

    [Fact]
    public async Task One_areas_series_is_the_index_and_one_run_of_areas_and_says_what_the_whole_series_says()
    {
        var whole = JsonDocument.Parse((await HttpCall.GetSeriesAsync(_app, "?dataset=national")).Body());
        using var other = PipelineHarness.Over(azurite, _app.Settings, _storage);
        _storage.Reset();
        var response = await HttpCall.GetSeriesAsync(other, $"?dataset=national&area={NationalDataset.Code(433)}");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, _storage.Count);
        using var one = JsonDocument.Parse(response.Body());
        var quarters = one.RootElement.GetProperty("quarters").EnumerateArray().ToList();
        var all = whole.RootElement.GetProperty("quarters").EnumerateArray().ToList();
        Assert.Equal(all.Select(q => q.GetProperty("total").GetRawText()), quarters.Select(q => q.GetProperty("total").GetRawText()));
        Assert.Equal(all.Select(q => q.GetProperty("areas")[433].GetRawText()), quarters.Select(q => q.GetProperty("areas").EnumerateArray().Single().GetRawText()));

        var missing = await HttpCall.GetSeriesAsync(other, "?dataset=national&area=E99000600");
        Assert.Equal(404, missing.StatusCode);
        Assert.Contains("Area E99000600 is in no accepted quarter of national.", missing.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quarters_piece_that_is_not_what_was_written_cuts_the_streamed_series_short_with_an_error()
    {
        var stored = (await _app.Get<Core.Ports.IComparisonStore>().GetSeriesAsync(NationalDataset.Id))!;
        var third = stored.Index!.Quarters[2].Name;
        var piece = _app.Documents.GetBlobClient(third);
        var written = (await piece.DownloadContentAsync()).Value;
        try
        {
            using (var gzip = new MemoryStream())
            {
                using (var writer = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
                {
                    writer.Write(",{}"u8);
                }

                await piece.UploadAsync(new BinaryData(gzip.ToArray()), overwrite: true);
            }

            using var other = PipelineHarness.Over(azurite, _app.Settings);
            var response = await other.Get<SeriesService>().GetAsync([new("dataset", NationalDataset.Id)]);
            using var sent = new MemoryStream();
            var wrong = await Assert.ThrowsAsync<InvalidDataException>(() => response.Streamed!.WriteAsync(sent, CancellationToken.None));
            Assert.Equal($"The piece {third} does not have the SHA-256 its name records.", wrong.Message);
            Assert.True(sent.Length < response.Streamed!.Length);
        }
        finally
        {
            // The deployment is shared with the other national tests (NationalPipeline): the piece goes back as written.
            await piece.UploadAsync(written.Content, new Azure.Storage.Blobs.Models.BlobUploadOptions
            {
                HttpHeaders = new() { ContentType = written.Details.ContentType, ContentEncoding = written.Details.ContentEncoding },
                Metadata = written.Details.Metadata,
            });
        }
    }
}
