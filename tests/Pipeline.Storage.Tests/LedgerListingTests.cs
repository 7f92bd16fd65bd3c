using Azure.Data.Tables;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Storage.Tests;

/// <summary>
/// The ledger's listing (issue #24): one table request a page whatever the ledger's size, filters applied by storage,
/// newest upload first across the whole ledger, and a ledger written before the index listed with no migration step.
/// The large ledgers are written as the previous version left them (<see cref="OldLedger"/>), in transactions.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LedgerListingTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly string Default = DatasetDefinition.DefaultId;
    private const string Admissions = "violence-admissions";

    [Theory]
    [InlineData(300, 11)]
    [InlineData(3_000, 39)]
    public async Task Every_page_is_one_request_whatever_the_size_and_the_pages_walk_the_ledger_newest_first(int size, int indexing)
    {
        var counter = new RequestCounter();
        using var app = PipelineHarness.Create(azurite, counter);
        var entries = OldLedger.Generate(size, Start);
        await OldLedger.WriteAsync(Table(app), entries);
        var ledger = app.Get<IUploadLedger>();
        counter.Reset();

        // The first listing finds no marker and indexes the old ledger once: the page; the ledger's marker (absent);
        // the entries, 1,000 a request; the index rows, 100 a transaction; a marker for each dataset and the ledger;
        // and the page again.
        var first = await ledger.ListRecentAsync(Default, LedgerFilter.None, 100, null);
        Assert.Equal(indexing, counter.Count);
        Assert.Equal(1 + 1 + ((size + 999) / 1000) + ((size * 9 / 10) + 99) / 100 + ((size / 10) + 99) / 100 + 3 + 1, indexing);

        // Then every page, the first included, is one request; the pages together are the dataset's ledger, newest first.
        var expected = Newest(entries.Where(e => !e.File.StartsWith(Admissions, StringComparison.Ordinal)));
        var listed = new List<LedgerEntry>();
        var pages = 0;
        string? continuation = null;
        do
        {
            counter.Reset();
            var page = await ledger.ListRecentAsync(Default, LedgerFilter.None, 100, continuation);
            Assert.Equal(1, counter.Count);
            listed.AddRange(page.Entries);
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(expected, listed);
        Assert.Equal(first.Entries, listed.Take(100));
        Assert.Equal(((size * 9 / 10) + 99) / 100, pages); // 3 and 27: no empty page after the last.
    }

    [Fact]
    public async Task Status_and_quarter_filters_are_applied_by_storage_page_by_page()
    {
        var counter = new RequestCounter();
        using var app = PipelineHarness.Create(azurite, counter);
        var entries = OldLedger.Generate(1_000, Start);
        await OldLedger.WriteAsync(Table(app), entries);
        var ledger = app.Get<IUploadLedger>();
        await ledger.ListRecentAsync(Default, LedgerFilter.None, 1, null); // Indexes the old entries.

        var filter = new LedgerFilter(UploadStatus.Rejected, "2024-Q1");
        var (listed, requests) = await WalkAsync(ledger, counter, Default, filter, 10);
        var (admissions, _) = await WalkAsync(ledger, counter, Admissions, filter, 10);

        var expected = Newest(entries.Where(e => e.File.StartsWith("returns/", StringComparison.Ordinal) && e.Status == UploadStatus.Rejected && e.Quarter == "2024-Q1"));
        Assert.Equal(expected, listed);
        Assert.Equal(32, expected.Count);
        Assert.Equal(4, requests); // 10, 10, 10 and 2: one request a page (Azure may answer a filtered page short, Azurite does not).
        Assert.Equal(Newest(entries.Where(e => e.File.StartsWith(Admissions + "/", StringComparison.Ordinal) && e.Status == UploadStatus.Rejected && e.Quarter == "2024-Q1")), admissions);
        Assert.Equal(4, admissions.Count);
    }

    [Fact]
    public async Task Recording_an_upload_again_replaces_its_one_index_row_and_costs_two_writes()
    {
        var counter = new RequestCounter();
        using var app = PipelineHarness.Create(azurite, counter);
        var ledger = app.Get<IUploadLedger>();
        var entry = OldLedger.Generate(1, Start)[0];
        await ledger.RecordAsync(entry);
        counter.Reset();

        var again = entry with { ProcessedAt = Start.AddMinutes(9), Notice = "Still waiting: another client holds a lease." };
        await ledger.RecordAsync(again);

        Assert.Equal(2, counter.Count); // The entry, then its index row.
        Assert.Equal([again with { ReportJson = null }], (await ledger.ListRecentAsync(Default, LedgerFilter.None, 10, null)).Entries);
        var rows = await Table(app).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"recent:" + Default}")).ToListAsync();
        Assert.Equal(["!complete", LedgerIndex.RowKeyOf(entry.File, entry.UploadedAt, RowKey(entry))], rows.Select(r => r.RowKey));
    }

    [Fact]
    public async Task A_ledger_written_before_the_index_lists_as_it_is_with_no_migration_step()
    {
        var counter = new RequestCounter();
        using var app = PipelineHarness.Create(azurite, counter);
        var entries = OldLedger.Generate(250, Start);
        var oldest = entries.Take(50).ToList();
        await OldLedger.WriteAsync(Table(app), oldest, escapedNames: true); // The layout before hashed names.
        await OldLedger.WriteAsync(Table(app), entries.Skip(40)); // Ten uploads are in both layouts: each lists once.
        var newest = entries[^2] with { UploadedAt = Start.AddDays(1), Sha256 = new string('e', 64) };
        await app.Get<IUploadLedger>().RecordAsync(newest); // By this version, before any listing: indexed already.

        var listed = await WalkAsync(app.Get<IUploadLedger>(), counter, Default, LedgerFilter.None, 1_000);
        var admissions = await app.Get<IUploadLedger>().ListRecentAsync(Admissions, LedgerFilter.None, 1_000, null);

        Assert.Equal(Newest(entries.Append(newest).Where(e => e.File.StartsWith("returns/", StringComparison.Ordinal))), listed.Entries);
        Assert.Equal(Newest(entries.Where(e => e.File.StartsWith(Admissions, StringComparison.Ordinal))), admissions.Entries);
        Assert.Equal(261, (await app.Get<IUploadLedger>().ListAsync()).Count); // Every entry of both layouts, and no index row.

        // Another instance, which has not seen the markers: one request a listing, the marker read in the same query.
        using var other = PipelineHarness.Over(azurite, app.Settings, counter);
        counter.Reset();
        Assert.Equal(listed.Entries.Take(20), (await other.Get<IUploadLedger>().ListRecentAsync(Default, LedgerFilter.None, 20, null)).Entries);
        Assert.Equal(admissions.Entries.Take(3), (await other.Get<IUploadLedger>().ListRecentAsync(Admissions, LedgerFilter.None, 3, null)).Entries);
        Assert.Equal(2, counter.Count);
    }

    [Fact]
    public async Task A_dataset_added_after_the_ledger_was_indexed_only_marks_its_partition()
    {
        var counter = new RequestCounter();
        using var app = PipelineHarness.Create(azurite, counter);
        await OldLedger.WriteAsync(Table(app), OldLedger.Generate(1_000, Start));
        await app.Get<IUploadLedger>().ListRecentAsync(Default, LedgerFilter.None, 1, null);
        await Table(app).DeleteEntityAsync("recent:" + Admissions, "!complete"); // As if the dataset were new.
        using var other = PipelineHarness.Over(azurite, app.Settings, counter);
        counter.Reset();

        var page = await other.Get<IUploadLedger>().ListRecentAsync(Admissions, LedgerFilter.None, 5, null);

        Assert.Equal(5, page.Entries.Count);
        Assert.Equal(4, counter.Count); // The page; the ledger's marker; this partition's marker written; the page again.
    }

    [Fact]
    public async Task A_continuation_not_given_for_this_listing_is_refused()
    {
        using var app = PipelineHarness.Create(azurite);
        await OldLedger.WriteAsync(Table(app), OldLedger.Generate(300, Start));
        var ledger = app.Get<IUploadLedger>();
        var next = (await ledger.ListRecentAsync(Default, LedgerFilter.None, 10, null)).Continuation!;

        Assert.Equal(10, (await ledger.ListRecentAsync(Default, LedgerFilter.None, 10, next)).Entries.Count);
        foreach (var (continuation, reason) in new[]
        {
            ("not+base64/", "it is not a continuation this listing gave"),
            (next + ".", "it is not a continuation this listing gave"),
            ("c2VyaW91cy15b3V0aC12aW9sZW5jZQ", "it is not a continuation this listing gave"), // the dataset alone
            (next, "it continues the listing of another dataset"),
        })
        {
            var dataset = continuation == next ? Admissions : Default;
            var refused = await Assert.ThrowsAsync<LedgerContinuationException>(() => ledger.ListRecentAsync(dataset, LedgerFilter.None, 10, continuation));
            Assert.Equal(reason, refused.Message);
        }

        // Well formed, but made up to start in another dataset's partition (Azurite's keys are base64): the query stays
        // in this dataset's partition, so it answers none of that dataset's rows.
        var elsewhere = $"{Base64("recent:" + Admissions)} {Base64("0")}";
        Assert.Empty((await ledger.ListRecentAsync(Default, LedgerFilter.None, 10, LedgerContinuation.Encode(Default, elsewhere))).Entries);
    }

    private static List<LedgerEntry> Newest(IEnumerable<LedgerEntry> entries) =>
        [.. entries.OrderByDescending(e => e.UploadedAt).ThenBy(e => e.File, StringComparer.Ordinal)];

    private static async Task<(List<LedgerEntry> Entries, int Requests)> WalkAsync(
        IUploadLedger ledger, RequestCounter counter, string dataset, LedgerFilter filter, int limit)
    {
        counter.Reset();
        var entries = new List<LedgerEntry>();
        string? continuation = null;
        do
        {
            var page = await ledger.ListRecentAsync(dataset, filter, limit, continuation);
            entries.AddRange(page.Entries);
            continuation = page.Continuation;
        }
        while (continuation is not null);

        return (entries, counter.Count);
    }

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));

    private static string RowKey(LedgerEntry e) => $"{e.UploadedAt.UtcTicks:D19}-{e.Sha256[..16]}";

    private static TableClient Table(PipelineHarness app) => app.Tables.GetTableClient(app.Settings["Pipeline:Storage:LedgerTable"]);
}
