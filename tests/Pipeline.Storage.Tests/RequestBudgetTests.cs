using Pipeline.Core.Ingestion;
using Pipeline.Core.Returns;

namespace Pipeline.Storage.Tests;

/// <summary>
/// Storage requests per ingest, counted by an Azure.Core policy on every client of the app (added per call, so one
/// operation counts once whatever the SDK's retries do). Storage is warm: the containers and tables exist, as they do
/// after the first upload. An upload the app creates costs one request more than before senders were recorded (the sent
/// record, which names its sender unspoofably); every processing costs one more than before the ledger's listing index
/// (the entry's index row, in its dataset's partition: no transaction spans two partitions). The recalc budgets are in <see cref="RecalculationTests.Requests_grow_with_quarters_and_periods_not_rows"/>,
/// the summary's in the function tests' <c>A_summary_costs_one_storage_request_and_none_while_fresh</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RequestBudgetTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Ingesting_a_seven_area_return_costs_ten_requests()
    {
        var counter = new RequestCounter();
        using var app = await WarmAsync(counter);

        var outcome = await IngestAsync(app, "returns/2024-Q3.csv", ReturnFiles.Valid("2024-Q3"));

        Assert.Equal(UploadStatus.Accepted, outcome.Status);
        // Upload the blob; record who sent it (the sent record); download it (validated as it streams); read the
        // quarter's index entity; write the figures' blob; write the index entity (conditional insert); copy the blob to
        // accepted; record the ledger entry, then its index row; delete the upload.
        AssertBudget(10, counter, "a new quarter's return");
    }

    [Fact]
    public async Task A_correction_under_the_same_name_costs_twelve_requests()
    {
        var counter = new RequestCounter();
        using var app = await WarmAsync(counter);
        await IngestAsync(app, "returns/2024-Q3.csv", ReturnFiles.Valid("2024-Q3"));
        counter.Reset();

        var outcome = await IngestAsync(app, "returns/2024-Q3.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 200));

        Assert.Equal(UploadStatus.Accepted, outcome.Status);
        Assert.Equal("returns/2024-Q3." + outcome.Sha256[..12] + ".csv", outcome.StoredAs);
        // The ten of a new return, plus two because accepted/returns/2024-Q3.csv already holds the first version:
        // the conditional copy to that name fails (its failure is the cheapest way to learn the name is taken), one
        // properties read shows the blob there holds other bytes, and a second copy goes to the name with the hash.
        AssertBudget(12, counter, "a correction under the name of the return it corrects");
    }

    [Fact]
    public async Task The_same_bytes_under_another_name_cost_eight_requests_and_write_no_figures()
    {
        var counter = new RequestCounter();
        using var app = await WarmAsync(counter);
        var bytes = ReturnFiles.Valid("2024-Q3");
        await IngestAsync(app, "returns/2024-Q3.csv", bytes);
        counter.Reset();

        var outcome = await IngestAsync(app, "resent/2024-Q3.csv", bytes);

        Assert.Equal(UploadStatus.Duplicate, outcome.Status);
        // Upload, sent record, download, read the quarter (same hash: nothing to write), copy to accepted (every byte
        // uploaded is kept), ledger entry and its index row, delete.
        AssertBudget(8, counter, "the accepted bytes uploaded again under another name");
    }

    [Fact]
    public async Task A_rejected_return_costs_eight_requests()
    {
        var counter = new RequestCounter();
        using var app = await WarmAsync(counter);

        var outcome = await IngestAsync(app, "returns/2024-Q3.csv", ReturnFiles.KnifeExceedsOffences("2024-Q3"));

        Assert.Equal(UploadStatus.Rejected, outcome.Status);
        // Upload, sent record, download, copy to rejected, write the report beside it, ledger entry and its index row,
        // delete: the figures are not read.
        AssertBudget(8, counter, "a rejected return");
    }

    [Fact]
    public async Task Processing_a_file_dropped_into_uploads_costs_eight_requests_and_none_to_find_its_sender()
    {
        var counter = new RequestCounter();
        using var app = await WarmAsync(counter);
        await app.UploadAsync("dropped/2024-Q3.csv", ReturnFiles.Valid("2024-Q3")); // a partner's client, not counted

        var outcome = await app.Get<UploadProcessor>().ProcessAsync("dropped/2024-Q3.csv");

        Assert.Equal((UploadStatus.Accepted, UploadSenders.Storage), (outcome!.Status, outcome.SentBy));
        // What the blob function does for a new quarter's return, as before senders were recorded: the blob has no
        // sentvia mark, so the sender is storage without asking the ledger. The eighth is the ledger entry's index row.
        AssertBudget(8, counter, "a dropped file's processing");
    }

    [Fact]
    public async Task An_upload_the_app_created_costs_one_request_more_to_process_when_another_run_finds_it()
    {
        var counter = new RequestCounter();
        using var app = await WarmAsync(counter);
        using var stream = new MemoryStream(ReturnFiles.Valid("2024-Q3"), writable: false);
        Assert.NotNull(await app.Get<UploadProcessor>().TryCreateAsync("sent/2024-Q3.csv", stream, "someone@example.org"));
        counter.Reset();

        var outcome = await app.Get<UploadProcessor>().ProcessAsync("sent/2024-Q3.csv"); // the blob trigger's run

        Assert.Equal((UploadStatus.Accepted, "someone@example.org"), (outcome!.Status, outcome.SentBy));
        // The eight of a dropped file, plus the point read of the sent record that the blob's sentvia mark asks for.
        AssertBudget(9, counter, "an app's upload processed by the blob trigger");
        Assert.Equal(1, counter.Requests.Count(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("sent.", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A fresh app whose containers and tables exist (one return accepted and one rejected, for another quarter and
    /// other names), with the counter reset afterwards.
    /// </summary>
    private async Task<PipelineHarness> WarmAsync(RequestCounter counter)
    {
        var app = PipelineHarness.Create(azurite, counter);
        await IngestAsync(app, "warm/2024-Q2.csv", ReturnFiles.Valid("2024-Q2"));
        await IngestAsync(app, "warm/2024-Q2-bad.csv", ReturnFiles.KnifeExceedsOffences("2024-Q2"));
        counter.Reset();
        return app;
    }

    /// <summary>
    /// The CLI's <c>ingest</c>: upload into the uploads container for <c>cli</c> (with its sent record), then process it as
    /// the blob function does.
    /// </summary>
    private static async Task<UploadOutcome> IngestAsync(PipelineHarness app, string name, byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        var version = await app.Get<UploadProcessor>().TryCreateAsync(name, stream, UploadSenders.Cli);
        Assert.NotNull(version);
        var outcome = await app.Get<UploadProcessor>().ProcessAsync(name, version, UploadSenders.Cli);
        Assert.NotNull(outcome);
        return outcome;
    }

    private static void AssertBudget(int expected, RequestCounter counter, string operation)
    {
        var requests = counter.Requests;
        Assert.True(
            requests.Count == expected,
            $"{operation}: expected {expected} storage requests, made {requests.Count}:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", requests));
    }
}
