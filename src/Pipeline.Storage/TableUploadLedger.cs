using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Storage;

/// <summary>
/// The upload ledger: one entity per processed upload. Partition = the SHA-256 of the blob name, which fits a key's
/// 1 KiB whatever the name (a blob name may be 1,024 characters of any script, far more once escaped); the name itself
/// is the <c>File</c> property. Row key = the upload's creation time and hash, so every upload under one name lists in
/// time order and a retried run rewrites its own row. Beside them, in the same partition, one small "sent" record per
/// upload the app created (row key <c>sent.</c> + the SHA-256 of the blob's ETag): who sent that version. Entries' row
/// keys start with a digit, so every query of entries stops below <c>sent.</c>. Listings read the index beside them
/// (<see cref="LedgerIndex"/>), one request a page.
/// </summary>
public sealed class TableUploadLedger(TableServiceClient service, DatasetRegistry datasets, IOptions<StorageOptions> options) : IUploadLedger
{
    /// <summary>
    /// Reports up to this size are kept in the entry (as UTF-16 that is 800 KB, inside an entity's 1 MiB with the rest);
    /// a larger one, from a pathological file, is not kept there (a rejected file's report is also beside it in rejected).
    /// </summary>
    private const int MaxReportChars = 400_000;

    private static readonly string[] ListedProperties =
        ["PartitionKey", "RowKey", "File", "Sha256", "Size", "UploadedAt", "ProcessedAt", "Status", "Quarter", "Errors", "Warnings", "StoredAs", "SentBy", "Version", "Notice"];

    /// <summary>The row keys of the sent records start with this; every entry's (19 digits of ticks) sorts before it.</summary>
    private const string SentPrefix = "sent.";

    private readonly TableClient _table = service.GetTableClient(options.Value.LedgerTable);
    private readonly LedgerIndex _index = new(service.GetTableClient(options.Value.LedgerTable), datasets);

    public async Task RecordAsync(LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{entry.UploadedAt.UtcTicks:D19}-{entry.Sha256[..16]}");
        var entity = Write(PartitionOf(entry.File), rowKey, entry);
        if (entry.ReportJson is { Length: <= MaxReportChars } report)
        {
            TableWrites.SetChunked(entity, "Report", report);
        }

        await TableWrites.WhenTableExistsAsync(
            _table, () => _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken), cancellationToken);
        await _index.WriteAsync(entry, rowKey, cancellationToken);
    }

    public async Task<LedgerEntry?> FindAsync(string file, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentException.ThrowIfNullOrEmpty(version);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(file)} and RowKey lt {SentPrefix} and Version eq {version}");
        try
        {
            await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                return Read(e);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        return null;
    }

    public Task<IReadOnlyList<LedgerEntry>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(LedgerIndex.EntriesFilter, ListedProperties, cancellationToken);

    public Task<LedgerPage> ListRecentAsync(string dataset, LedgerFilter filter, int limit, string? continuation, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataset);
        ArgumentNullException.ThrowIfNull(filter);
        return _index.PageAsync(dataset, filter, limit, continuation, cancellationToken);
    }

    public Task<IReadOnlyList<LedgerEntry>> ListForFileAsync(string file, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        return QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(file)} and RowKey lt {SentPrefix}"), select: null, cancellationToken);
    }

    public async Task RecordSentAsync(string file, string version, string sentBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentException.ThrowIfNullOrEmpty(sentBy);
        var entity = new TableEntity(PartitionOf(file), SentRowKey(version))
        {
            ["File"] = file,
            ["UploadVersion"] = version,
            ["SentBy"] = sentBy,
        };
        await TableWrites.WhenTableExistsAsync(
            _table, () => _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public async Task<string?> FindSenderAsync(string file, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentException.ThrowIfNullOrEmpty(version);
        try
        {
            var sent = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(file), SentRowKey(version), cancellationToken: cancellationToken);
            return sent.HasValue && sent.Value!.GetString("UploadVersion") == version ? sent.Value.GetString("SentBy") : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // No table yet.
        }
    }

    /// <summary>A key for any ETag (whatever characters storage puts in one): its SHA-256, under <see cref="SentPrefix"/>.</summary>
    private static string SentRowKey(string version) =>
        SentPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version)));

    private async Task<IReadOnlyList<LedgerEntry>> QueryAsync(string? filter, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        try
        {
            await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken))
            {
                entries.Add(Read(e));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        return entries;
    }

    /// <summary>64 hex characters for any name. Entries written before this scheme (the escaped name) still list.</summary>
    internal static string PartitionOf(string file) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file)));

    /// <summary>An entry's columns (all but its report) under these keys: what <see cref="Read"/> reads back.</summary>
    internal static TableEntity Write(string partition, string rowKey, LedgerEntry entry) => new(partition, rowKey)
    {
        ["File"] = entry.File,
        ["Sha256"] = entry.Sha256,
        ["Size"] = entry.Size,
        ["UploadedAt"] = entry.UploadedAt,
        ["ProcessedAt"] = entry.ProcessedAt,
        ["Status"] = entry.Status.ToWire(),
        ["Quarter"] = entry.Quarter,
        ["Errors"] = entry.Errors,
        ["Warnings"] = entry.Warnings,
        ["StoredAs"] = entry.StoredAs,
        ["SentBy"] = entry.SentBy,
        ["Version"] = entry.Version,
        ["Notice"] = entry.Notice,
    };

    internal static LedgerEntry Read(TableEntity e) => new(
        e.GetString("File"),
        e.GetString("Sha256"),
        e.GetInt64("Size") ?? 0,
        e.GetDateTimeOffset("UploadedAt") ?? default,
        e.GetDateTimeOffset("ProcessedAt") ?? default,
        UploadStatusNames.Parse(e.GetString("Status")),
        e.GetString("Quarter"),
        e.GetInt32("Errors") ?? 0,
        e.GetInt32("Warnings") ?? 0,
        e.GetString("StoredAs"),
        e.GetString("SentBy") ?? UploadSenders.Unknown,
        e.GetString("Version"),
        e.GetString("Notice"),
        e.ContainsKey("ReportChunks") ? TableWrites.GetChunked(e, "Report") : null);
}
