using System.Security.Cryptography;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;

namespace Pipeline.Storage.Tests;

/// <summary>
/// A crash can strike between any two storage requests. For every request an upload's processing makes, fail it
/// (before it reaches storage, or after storage applied it), retry as the blob trigger would, and compare the end state
/// with an uninterrupted run: nothing lost, nothing counted twice, and the same sender recorded (the "sent" scenario: a
/// correction the app created for its sender, processed by the blob trigger, which finds the sender in the ledger).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultInjectionTests(AzuriteFixture azurite)
{
    public static TheoryData<string, FaultTiming> Cases => new()
    {
        { "correction", FaultTiming.BeforeSend },
        { "correction", FaultTiming.AfterResponse },
        { "rejection", FaultTiming.BeforeSend },
        { "rejection", FaultTiming.AfterResponse },
        { "first", FaultTiming.AfterResponse },
        { "sent", FaultTiming.BeforeSend },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_crash_at_any_storage_request_then_a_retry_ends_as_an_uninterrupted_run(string scenario, FaultTiming timing)
    {
        var counter = new RequestCounter();
        var (expected, requests) = await RunAsync(scenario, counter, faultAt: null, timing);
        Assert.InRange(requests, 4, 16); // A first upload also creates its containers and tables on first use.

        for (var n = 1; n <= requests; n++)
        {
            var (actual, _) = await RunAsync(scenario, new RequestCounter(), faultAt: n, timing);
            Assert.True(expected == actual, $"Fault at request {n} ({timing}) of {requests}: expected\n{expected}\nbut got\n{actual}");
        }
    }

    private async Task<(State State, int Requests)> RunAsync(string scenario, RequestCounter counter, int? faultAt, FaultTiming timing)
    {
        var injector = new FaultInjector(faultAt ?? int.MaxValue, timing) { Armed = false };
        using var app = PipelineHarness.Create(azurite, counter, injector);
        var processor = app.Get<UploadProcessor>();

        if (scenario != "first")
        {
            await app.UploadAsync("2024-Q3.csv", ReturnFiles.Valid("2024-Q3", 100));
            await processor.ProcessAsync("2024-Q3.csv");
        }

        var upload = scenario == "rejection" ? ReturnFiles.KnifeExceedsOffences("2024-Q3") : ReturnFiles.Valid("2024-Q3", 400);
        if (scenario == "sent")
        {
            using var content = new MemoryStream(upload);
            Assert.NotNull(await processor.TryCreateAsync("2024-Q3.csv", content, "alice@example.org"));
        }
        else
        {
            await app.UploadAsync("2024-Q3.csv", upload);
        }

        counter.Reset();
        injector.Armed = true;
        try
        {
            await processor.ProcessAsync("2024-Q3.csv");
            Assert.False(injector.Fired, "The injected fault should have ended the run.");
        }
        catch (InjectedFaultException)
        {
            Assert.True(injector.Fired);
        }

        var requests = counter.Count;
        injector.Armed = false;
        if (faultAt is not null)
        {
            await processor.ProcessAsync("2024-Q3.csv"); // The trigger's retry; null when the crash came after the last step.
        }

        return (await State.ReadAsync(app), requests);
    }

    private sealed record State(string Figures, string Uploads, string Accepted, string Rejected, string Ledger, string Listed)
    {
        public static async Task<State> ReadAsync(PipelineHarness app)
        {
            var quarter = await app.Get<IAcceptedQuarterStore>().ReadFiguresAsync("serious-youth-violence", Quarter.Parse("2024-Q3"));
            var figures = quarter is null ? "none" : $"{quarter.File} {quarter.Sha256} {quarter.Areas.Sum(a => a.Offences)} {quarter.SentBy}";
            var ledger = (await app.Get<IUploadLedger>().ListAsync())
                .Select(e => $"{e.File} {e.Sha256[..12]} {e.Status} {e.Errors} {e.StoredAs} {e.SentBy}")
                .Order(StringComparer.Ordinal);
            // The listing reads the index rows, written after each entry: none missing, none twice. (Both uploads have
            // one name and, often, one creation second: their order in the listing is then by hash, so it is not compared.)
            var listed = (await app.Get<IUploadLedger>().ListRecentAsync("serious-youth-violence", LedgerFilter.None, 1000, null)).Entries
                .Select(e => $"{e.File} {e.Sha256[..12]} {e.Status} {e.Errors} {e.StoredAs} {e.SentBy}")
                .Order(StringComparer.Ordinal);
            return new State(
                figures,
                await DescribeAsync(app, app.Uploads),
                await DescribeAsync(app, app.Accepted),
                await DescribeAsync(app, app.Rejected),
                string.Join("; ", ledger),
                string.Join("; ", listed));
        }

        private static async Task<string> DescribeAsync(PipelineHarness app, Azure.Storage.Blobs.BlobContainerClient container)
        {
            var names = (await app.ListAsync(container)).Order(StringComparer.Ordinal).ToList();
            var described = new List<string>();
            foreach (var name in names)
            {
                described.Add($"{name}={Convert.ToHexStringLower(SHA256.HashData(await app.ReadAsync(container, name)))[..12]}");
            }

            return string.Join(", ", described);
        }
    }
}
