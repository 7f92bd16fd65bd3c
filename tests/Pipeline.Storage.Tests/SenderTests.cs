using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;
using Pipeline.Core.Revisions;
using Pipeline.Core.Status;

namespace Pipeline.Storage.Tests;

/// <summary>
/// Who sent an upload (<c>sentBy</c>): the sender the app path gave, whichever run processes the upload; storage for a
/// file dropped into uploads, whatever metadata it carries; unknown for what was stored before senders were recorded.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SenderTests(AzuriteFixture azurite)
{
    private const string Name = "returns/2024-Q3.csv";
    private static readonly Quarter Q3 = new(2024, 3);

    [Fact]
    public async Task A_file_dropped_into_uploads_is_sent_by_storage_in_its_outcome_ledger_entry_and_quarter()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.UploadAsync(Name, ReturnFiles.Valid("2024-Q3"));

        var run = await app.Get<UploadProcessor>().ProcessPendingAsync();

        var outcome = Assert.Single(run.Outcomes);
        Assert.Equal((UploadStatus.Accepted, "storage"), (outcome.Status, outcome.SentBy));
        Assert.Equal("storage", Assert.Single(await app.Get<IUploadLedger>().ListAsync()).SentBy);
        Assert.Equal("storage", (await app.Get<IAcceptedQuarterStore>().GetAsync(DatasetDefinition.DefaultId, Q3))!.Quarter.SentBy);
        Assert.Equal("storage", (await app.Get<IAcceptedQuarterStore>().ReadFiguresAsync(DatasetDefinition.DefaultId, Q3))!.SentBy);
    }

    [Fact]
    public async Task An_upload_the_app_created_is_its_senders_when_another_run_processes_it_first()
    {
        using var app = PipelineHarness.Create(azurite);
        using var other = PipelineHarness.Over(azurite, app.Settings); // the blob trigger, or pipeline process, elsewhere
        using var content = new MemoryStream(ReturnFiles.Valid("2024-Q3"));
        var version = await app.Get<UploadProcessor>().TryCreateAsync(Name, content, "alice@example.org");
        Assert.NotNull(version);

        var found = Assert.Single((await other.Get<UploadProcessor>().ProcessPendingAsync()).Outcomes);
        var own = await app.Get<UploadProcessor>().ProcessAsync(Name, version, "alice@example.org");

        Assert.Equal((UploadStatus.Accepted, "alice@example.org"), (found.Status, found.SentBy));
        Assert.Null(own); // The other run got there first: this version is no longer waiting.
        Assert.Equal("alice@example.org", (await app.Get<UploadProcessor>().FindOutcomeAsync(Name, version))!.SentBy);
        Assert.Equal("alice@example.org", (await app.Get<IAcceptedQuarterStore>().GetAsync(DatasetDefinition.DefaultId, Q3))!.Quarter.SentBy);

        // The sent record shares the entries' partition but is never listed as an entry (the third row is the entry's
        // index row, in partition recent:<dataset>).
        var ledger = app.Get<IUploadLedger>();
        Assert.Equal([(Name, "alice@example.org")], (await ledger.ListAsync()).Select(e => (e.File, e.SentBy)));
        Assert.Equal([version], (await ledger.ListForFileAsync(Name)).Select(e => e.Version));
        var table = app.Tables.GetTableClient(app.Settings["Pipeline:Storage:LedgerTable"]);
        Assert.Equal(3, await table.QueryAsync<TableEntity>().CountAsync());
    }

    [Fact]
    public async Task A_drop_that_forges_the_apps_mark_and_a_sender_under_a_name_the_app_sent_is_sent_by_storage()
    {
        using var app = PipelineHarness.Create(azurite);
        var processor = app.Get<UploadProcessor>();
        using (var content = new MemoryStream(ReturnFiles.Valid("2024-Q3")))
        {
            // The app sent this name before, so the ledger holds a sent record for it: for that version only.
            var version = await processor.TryCreateAsync(Name, content, "alice@example.org");
            Assert.Equal("alice@example.org", (await processor.ProcessAsync(Name, version!, "alice@example.org"))!.SentBy);
        }

        await app.Uploads.GetBlobClient(Name).UploadAsync(
            new BinaryData(ReturnFiles.Valid("2024-Q3", offencesBase: 300)),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["sentvia"] = "app", ["sentby"] = "alice@example.org" } });

        var forged = Assert.Single((await processor.ProcessPendingAsync()).Outcomes);

        Assert.Equal((UploadStatus.Accepted, "storage"), (forged.Status, forged.SentBy));
        var entries = await app.Get<IUploadLedger>().ListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal("storage", Assert.Single(entries, e => e.Sha256 == forged.Sha256).SentBy);
        Assert.Equal("alice@example.org", Assert.Single(entries, e => e.Sha256 != forged.Sha256).SentBy);
        var revision = Assert.Single(await app.Get<RevisionLog>().ListAsync(DatasetRegistry.BuiltIn.Default));
        Assert.Equal((2, "storage"), (revision.Revision, revision.SentBy));
    }

    [Fact]
    public async Task Each_revision_and_the_quarter_name_the_sender_of_the_version_accepted()
    {
        using var app = PipelineHarness.Create(azurite);
        var processor = app.Get<UploadProcessor>();
        await app.UploadAsync(Name, ReturnFiles.Valid("2024-Q3"));
        Assert.Equal("storage", (await processor.ProcessAsync(Name))!.SentBy);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(processor, "fixes/2024-Q3.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 150), "alice@example.org");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(processor, "again/2024-Q3.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 90), UploadSenders.Cli);

        var log = await app.Get<RevisionLog>().ListAsync(DatasetRegistry.BuiltIn.Default);
        Assert.Equal([(3, "again/2024-Q3.csv", "cli"), (2, "fixes/2024-Q3.csv", "alice@example.org")], log.Select(r => (r.Revision, r.File, r.SentBy)));
        using var reader = PipelineHarness.Over(azurite, app.Settings); // reads the index and figures from storage, not a cache
        Assert.Equal("cli", (await reader.Get<IAcceptedQuarterStore>().ReadFiguresAsync(DatasetDefinition.DefaultId, Q3))!.SentBy);
        var status = await reader.Get<StatusService>().GetAsync(DatasetRegistry.BuiltIn.Default);
        Assert.Equal([("2024-Q3", 3, "cli")], status.Quarters.Select(q => (q.Quarter, q.Revision, q.SentBy)));
    }

    [Fact]
    public async Task Ledger_entries_quarters_and_revisions_stored_before_senders_read_as_unknown()
    {
        using var app = PipelineHarness.Create(azurite);
        var processor = app.Get<UploadProcessor>();
        var first = await SendAsync(processor, Name, ReturnFiles.Valid("2024-Q3"), "alice@example.org");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(processor, "fixes/2024-Q3.csv", ReturnFiles.KnifeExceedsOffences("2024-Q3"), "alice@example.org");
        await SendAsync(processor, "fixes/2024-Q3-b.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 150), "alice@example.org");
        var ledger = app.Tables.GetTableClient(app.Settings["Pipeline:Storage:LedgerTable"]);
        var quarters = app.Tables.GetTableClient(app.Settings["Pipeline:Storage:AcceptedQuartersTable"]);
        await RemoveSentByAsync(ledger, "RowKey lt 'sent.'"); // As the previous version wrote them (its sent records: none).
        await RemoveSentByAsync(quarters, "PartitionKey eq 'quarter'");

        using var upgraded = PipelineHarness.Over(azurite, app.Settings);

        Assert.Equal(["unknown", "unknown", "unknown"], (await upgraded.Get<IUploadLedger>().ListAsync()).Select(e => e.SentBy));
        Assert.Equal("unknown", (await upgraded.Get<UploadProcessor>().FindOutcomeAsync(Name, first.Version!))!.SentBy);
        Assert.Equal("unknown", Assert.Single(await upgraded.Get<IAcceptedQuarterStore>().ListAsync()).SentBy);
        Assert.Equal("unknown", (await upgraded.Get<IAcceptedQuarterStore>().ReadFiguresAsync(DatasetDefinition.DefaultId, Q3))!.SentBy);
        Assert.Equal("unknown", Assert.Single(await upgraded.Get<RevisionLog>().ListAsync(DatasetRegistry.BuiltIn.Default)).SentBy);
        var status = await upgraded.Get<StatusService>().GetAsync(DatasetRegistry.BuiltIn.Default);
        Assert.Equal(("unknown", "unknown"), (status.Quarters.Single().SentBy, status.Rejections.Single().SentBy));

        // The next correction names its sender; the old revision still reads as unknown.
        upgraded.Clock.Advance(TimeSpan.FromMinutes(2));
        await SendAsync(upgraded.Get<UploadProcessor>(), "fixes/2024-Q3-c.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 200), UploadSenders.Cli);
        Assert.Equal(
            [(3, "cli"), (2, "unknown")],
            (await upgraded.Get<RevisionLog>().ListAsync(DatasetRegistry.BuiltIn.Default)).Select(r => (r.Revision, r.SentBy)));
    }

    /// <summary>As <c>pipeline ingest</c>, <c>PUT /api/uploads</c> and the partner page send a file: created for its sender, then processed.</summary>
    private static async Task<LedgerEntry> SendAsync(UploadProcessor processor, string name, byte[] bytes, string sentBy)
    {
        using var content = new MemoryStream(bytes);
        var version = await processor.TryCreateAsync(name, content, sentBy);
        var outcome = await processor.ProcessAsync(name, version!, sentBy);
        Assert.Equal(sentBy, outcome!.SentBy);
        return (await processor.FindOutcomeAsync(name, version!))!;
    }

    private static async Task RemoveSentByAsync(TableClient table, string filter)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(filter))
        {
            Assert.True(entity.Remove("SentBy"), $"{entity.PartitionKey}/{entity.RowKey} had no SentBy to remove.");
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace);
        }
    }
}
