using Pipeline.Core.Datasets;
using Pipeline.Core.Status;

namespace Pipeline.Storage.Tests;

/// <summary>
/// <c>pipeline status</c> reads what it shows of the ledger, its latest rejections, from the first page of the dataset's
/// rejections: one ledger request, whatever the ledger's size.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LedgerReadersTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Status_reads_its_five_latest_rejections_in_one_ledger_request()
    {
        var counter = new RequestCounter();
        using var app = PipelineHarness.Create(azurite, counter);
        var ledgerTable = app.Settings["Pipeline:Storage:LedgerTable"]!;
        await OldLedger.WriteAsync(app.Tables.GetTableClient(ledgerTable), OldLedger.Generate(3_000, Start));
        await app.Get<StatusService>().GetAsync(DatasetRegistry.BuiltIn.Default); // The first listing indexes the old ledger.
        using var other = PipelineHarness.Over(azurite, app.Settings, counter);
        counter.Reset();

        var status = await other.Get<StatusService>().GetAsync(DatasetRegistry.BuiltIn.Default);

        // Entries 2996, 2982, 2975, 2968 and 2961: the newest multiples of 7 of the default dataset (2989 is an admission).
        Assert.Equal([2996, 2982, 2975, 2968, 2961], status.Rejections.Select(r => (int)(r.ProcessedAt - Start).TotalSeconds));
        Assert.Equal(1, counter.Requests.Count(r => r.Contains(ledgerTable, StringComparison.Ordinal)));
    }
}
