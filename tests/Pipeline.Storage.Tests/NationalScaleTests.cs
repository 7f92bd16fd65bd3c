using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;

namespace Pipeline.Storage.Tests;

/// <summary>
/// The largest size the storage design supports, under Azure's limits as <see cref="TableLimitsPolicy"/> enforces them on
/// every table request: 10,000 areas (a national return by middle-layer area) over 20 years of quarters, ingested one
/// return at a time as the blob function would and recalculated; the summary's figures are checked against sums made
/// here from the generator, not by the app.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class NationalScaleTests(AzuriteFixture azurite)
{
    private const int Areas = 10_000;
    private const int FirstYear = 2005;
    private const int Years = 20;

    [Fact]
    public async Task Ten_thousand_areas_over_twenty_years_are_accepted_and_compared_within_Azure_limits()
    {
        var national = new NationalDataset(Areas);
        var counter = new RequestCounter();
        var settings = PipelineHarness.NewSettings(azurite, new Dictionary<string, string?> { ["Pipeline:Datasets:Path"] = national.WriteDefinition() });
        using var app = PipelineHarness.Over(azurite, settings, counter);
        var processor = app.Get<UploadProcessor>();
        var quarters = Enumerable.Range(FirstYear, Years).SelectMany(y => Enumerable.Range(1, 4).Select(n => new Quarter(y, n))).ToList();
        foreach (var quarter in quarters)
        {
            var name = $"national/{quarter}.csv";
            await app.UploadAsync(name, national.Return(quarter));
            var outcome = await processor.ProcessAsync(name);
            Assert.True(outcome?.Status == UploadStatus.Accepted, $"{name}: {outcome?.Status} {string.Join("; ", outcome?.Report.Errors.Take(3).Select(e => e.Message) ?? [])}");
        }

        await app.Tables.GetTableClient(settings["Pipeline:Storage:ComparisonsTable"]).CreateIfNotExistsAsync(); // Warm, as after the first run.
        counter.Reset();
        var result = await app.Get<RecalculationService>().RecalculateAsync(force: false, only: NationalDataset.Id);

        Assert.Equal((true, 80), (result.Recomputed, result.Quarters));
        var calendar = await app.Get<IComparisonStore>().ListPeriodsAsync(NationalDataset.Id, YearBasis.Calendar);
        Assert.Equal(Enumerable.Range(FirstYear + 1, Years - 1).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), calendar.Select(p => p.Period.ToString()));

        // The default calendar period, 2024 against 2023: every figure from an independent sum.
        var summary = await SummaryAsync(app, []);
        var current = national.Totals(quarters.Where(q => q.Year == 2024));
        var previous = national.Totals(quarters.Where(q => q.Year == 2023));
        var total = summary.RootElement.GetProperty("total");
        Assert.Equal("2024", summary.RootElement.GetProperty("period").GetString());
        Assert.Equal(Areas, summary.RootElement.GetProperty("areas").GetArrayLength());
        AssertCount(total.GetProperty("offences"), current.Offences, previous.Offences);
        AssertCount(total.GetProperty("knifeOffences"), current.Knife, previous.Knife);
        AssertCount(total.GetProperty("positiveOutcomes"), current.Positive, previous.Positive);
        Assert.Equal(Percent(current.Positive, current.Offences), total.GetProperty("positiveOutcomeRate").GetProperty("current").GetDecimal());

        // One area, the last, and a year-to-date financial period.
        var last = NationalDataset.Code(Areas - 1);
        using var area = await SummaryAsync(app, [new("area", last), new("basis", "financial"), new("period", "2024/25")]);
        var offences = area.RootElement.GetProperty("areas")[0].GetProperty("offences");
        Assert.Equal(
            (Enumerable.Range(2, 3).Sum(n => NationalDataset.Counts(Areas - 1, new Quarter(2024, n)).Offences),
             Enumerable.Range(2, 3).Sum(n => NationalDataset.Counts(Areas - 1, new Quarter(2023, n)).Offences)),
            (offences.GetProperty("current").GetInt64(), offences.GetProperty("previous").GetInt64()));

        // The documents are far past what one entity could hold: each is kept in runs of 350 areas, compressed; and each
        // basis' index is one small transaction. The whole first recalculation sends well under 250 MB.
        var pieces = new List<long>();
        await foreach (var blob in app.Documents.GetBlobsAsync(prefix: $"summaries/{NationalDataset.Id}/"))
        {
            pieces.Add(blob.Properties.ContentLength ?? 0);
        }

        Assert.Equal((19 + 20 + 73) * 29, pieces.Count); // 19 calendar, 20 financial and 73 rolling documents (2006-Q4 to 2024-Q4), 29 pieces each.
        Assert.All(pieces, size => Assert.InRange(size, 1, 64 * 1024));
        var transactions = counter.Requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal) && r.EndsWith("/$batch", StringComparison.Ordinal));
        Assert.Equal(3, transactions); // One per basis.
        Assert.InRange(counter.BytesSent, 1, 250_000_000);

        await ReadersReadWhatTheyShowAsync(national, settings, quarters);
        await TheWorkbookStreamsInBoundedMemoryAsync(national, settings, quarters);

        // A correction of the last quarter: fresh figures write its pieces, never the whole series or every document.
        var corrected = national.Return(quarters[^1]);
        corrected[^2] = (byte)('0' + ((corrected[^2] - '0' + 1) % 10));
        await app.UploadAsync("national/2024-Q4.csv", corrected);
        Assert.Equal(UploadStatus.Accepted, (await processor.ProcessAsync("national/2024-Q4.csv"))!.Status);
        counter.Reset();
        Assert.True((await app.Get<RecalculationService>().RecalculateAsync(force: false, only: NationalDataset.Id)).Recomputed);
        Assert.InRange(counter.BytesSent, 1, 20_000_000);
    }

    /// <summary>
    /// Another instance, cold: one area's summary and one area's series are each the index and one piece (at most 64 KB
    /// read), and the whole series streams from a piece a quarter, its hash the ETag.
    /// </summary>
    private async Task ReadersReadWhatTheyShowAsync(NationalDataset national, IReadOnlyDictionary<string, string?> settings, List<Quarter> quarters)
    {
        var counter = new RequestCounter();
        using var reader = PipelineHarness.Over(azurite, settings, counter);
        var code = NationalDataset.Code(4321);
        var summary = await reader.Get<SummaryService>().GetAsync([new("dataset", NationalDataset.Id), new("area", code)]);
        Assert.Equal((SummaryResult.Found, 2), (summary.Result, counter.Count));
        Assert.InRange(counter.BytesReceived, 1, 64 * 1024);
        using (var json = JsonDocument.Parse(summary.Body))
        {
            var offences = json.RootElement.GetProperty("areas").EnumerateArray().Single().GetProperty("offences");
            Assert.Equal(quarters.Where(q => q.Year == 2024).Sum(q => NationalDataset.Counts(4321, q).Offences), offences.GetProperty("current").GetInt64());
        }

        counter.Reset();
        var series = await reader.Get<SeriesService>().GetAsync([new("dataset", NationalDataset.Id), new("area", code)]);
        Assert.Equal((SummaryResult.Found, 2), (series.Result, counter.Count));
        Assert.InRange(counter.BytesReceived, 1, 64 * 1024);
        using (var json = JsonDocument.Parse(series.Body))
        {
            var served = json.RootElement.GetProperty("quarters").EnumerateArray().ToList();
            Assert.Equal(quarters.Select(q => q.ToString()), served.Select(q => q.GetProperty("quarter").GetString()));
            Assert.Equal(quarters.Select(q => NationalDataset.Counts(4321, q).Offences), served.Select(q => q.GetProperty("areas")[0].GetProperty("offences").GetInt64()));
            Assert.Equal(quarters.Select(q => national.Totals([q]).Offences), served.Select(q => q.GetProperty("total").GetProperty("offences").GetInt64()));
        }

        // The whole series (cached index): a piece a quarter, streamed; what is written has the length and hash promised.
        counter.Reset();
        var whole = await reader.Get<SeriesService>().GetAsync([new("dataset", NationalDataset.Id)]);
        Assert.Empty(whole.Body);
        using var hashing = new HashingStream();
        await whole.Streamed!.WriteAsync(hashing, CancellationToken.None);
        Assert.Equal(80, counter.Count);
        Assert.Equal(whole.Streamed.Length, hashing.Length);
        Assert.Equal(whole.ETag, $"\"{hashing.Sha256[..32]}\"");
    }

    private static void AssertCount(JsonElement metric, long current, long previous)
    {
        Assert.Equal(current, metric.GetProperty("current").GetInt64());
        Assert.Equal(previous, metric.GetProperty("previous").GetInt64());
        Assert.Equal(current - previous, metric.GetProperty("change").GetInt64());
        Assert.Equal(Percent(current - previous, previous), metric.GetProperty("changePercent").GetDecimal());
    }

    /// <summary>100 x part / whole to 2 places, midpoint away from zero, in decimal arithmetic.</summary>
    private static decimal Percent(long part, long whole) => Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);

    /// <summary>Counts and hashes what is written to it, and keeps none of it.</summary>
    private sealed class HashingStream : Stream
    {
        private readonly System.Security.Cryptography.IncrementalHash _hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        private long _length;

        public string Sha256 => Convert.ToHexStringLower(_hash.GetCurrentHash());

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _hash.AppendData(buffer, offset, count);
            _length += count;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _hash.Dispose();
            base.Dispose(disposing);
        }
    }

    private static async Task<JsonDocument> SummaryAsync(PipelineHarness app, KeyValuePair<string, string?>[] parameters)
    {
        var response = await app.Get<SummaryService>().GetAsync([new("dataset", NationalDataset.Id), .. parameters]);
        Assert.Equal(SummaryResult.Found, response.Result);
        return JsonDocument.Parse(response.Body);
    }
}
