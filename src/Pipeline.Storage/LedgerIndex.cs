using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Storage;

/// <summary>
/// The ledger's listing, most recently uploaded first, one page a request: beside each entry (partition = the hash of its
/// name), one index row in its dataset's partition <c>recent:&lt;dataset&gt;</c>, carrying the listed columns. Row key =
/// the upload time's ticks inverted (<see cref="DateTimeOffset.MaxValue"/> minus them, 19 digits, so the newest sorts
/// first), <c>-</c>, the name's first 64 UTF-16 units as 4 hex digits each (so equal times sort by name), <c>-</c>, 16
/// hex of the SHA-256 of the name and the entry's row key. Every part is fixed for an entry, so recording it again
/// replaces its one index row. Row <c>!complete</c> of a partition (it sorts before every entry's) says the partition
/// holds every entry: the entries written before the index are indexed once, by the first listing that misses it.
/// </summary>
internal sealed partial class LedgerIndex(TableClient table, DatasetRegistry datasets)
{
    public const string PartitionPrefix = "recent:";

    /// <summary>The marker's row key: <c>!</c> sorts before the digits every entry's row key starts with.</summary>
    public const string CompleteRowKey = "!complete";

    /// <summary>A query answers at most this many entities (Azure's $top limit).</summary>
    private const int MaxTop = 1000;

    private const int NameUnits = 64;

    private static readonly string[] Listed =
        ["RowKey", "File", "Sha256", "Size", "UploadedAt", "ProcessedAt", "Status", "Quarter", "Errors", "Warnings", "StoredAs", "SentBy", "Version", "Notice"];

    /// <summary>The partitions this instance has seen complete (a marker is never removed).</summary>
    private readonly ConcurrentDictionary<string, bool> _complete = new(StringComparer.Ordinal);

    public static string PartitionOf(string dataset) => PartitionPrefix + dataset;

    public static string RowKeyOf(string file, DateTimeOffset uploadedAt, string entryRowKey)
    {
        var key = new StringBuilder(19 + 2 + (4 * NameUnits) + 16);
        key.Append((DateTimeOffset.MaxValue.UtcTicks - uploadedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)).Append('-');
        foreach (var unit in file.AsSpan(0, Math.Min(file.Length, NameUnits)))
        {
            key.Append(((int)unit).ToString("x4", CultureInfo.InvariantCulture));
        }

        var identity = SHA256.HashData(Encoding.UTF8.GetBytes(file + "\n" + entryRowKey));
        return key.Append('-').Append(Convert.ToHexStringLower(identity)[..16]).ToString();
    }

    /// <summary>The entry's index row, written after the entry itself, so that a crash between leaves the upload to be processed again.</summary>
    public async Task WriteAsync(LedgerEntry entry, string entryRowKey, CancellationToken cancellationToken)
    {
        await TableWrites.WhenTableExistsAsync(
            table, () => table.UpsertEntityAsync(RowOf(entry, entryRowKey), TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public async Task<LedgerPage> PageAsync(string dataset, LedgerFilter filter, int limit, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxTop);
        var partition = PartitionOf(dataset);
        var token = continuation is null ? null : LedgerContinuation.Decode(continuation, dataset);

        // The first page of a partition not yet seen complete asks for its marker too, in the same request.
        var withMarker = token is null && !_complete.ContainsKey(partition);
        var top = withMarker ? Math.Min(limit + 1, MaxTop) : limit;
        Page<TableEntity>? page;
        try
        {
            page = await FirstPageAsync(Filter(partition, filter, withMarker), top, token, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new LedgerPage([], null); // No table yet: nothing was ever recorded.
        }
        catch (RequestFailedException e) when (e.Status == 400 && token is not null)
        {
            throw new LedgerContinuationException($"storage could not continue from it ({e.ErrorCode})");
        }

        var rows = page?.Values ?? [];
        if (withMarker)
        {
            if (rows.Count == 0 || rows[0].RowKey != CompleteRowKey)
            {
                await IndexOldEntriesAsync(dataset, cancellationToken);
                return await PageAsync(dataset, filter, limit, continuation, cancellationToken);
            }

            _complete[partition] = true;
            rows = [.. rows.Skip(1)];
        }

        var entries = rows.Select(TableUploadLedger.Read).ToList();
        return new LedgerPage(entries, page?.ContinuationToken is { } next ? LedgerContinuation.Encode(dataset, next) : null);
    }

    private async Task<Page<TableEntity>?> FirstPageAsync(string filter, int top, string? token, CancellationToken cancellationToken)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(filter, top, Listed, cancellationToken).AsPages(token, top))
        {
            return page;
        }

        return null;
    }

    /// <summary>The partition's rows passing the filter, server-side; the marker too when asked for, otherwise never.</summary>
    private static string Filter(string partition, LedgerFilter filter, bool withMarker)
    {
        var conditions = new List<string>();
        if (filter.Status is { } status)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Status eq {status.ToWire()}"));
        }

        if (filter.Quarter is { } quarter)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Quarter eq {quarter}"));
        }

        var rows = withMarker
            ? conditions.Count == 0 ? null : TableClient.CreateQueryFilter($"RowKey eq {CompleteRowKey}") + " or (" + string.Join(" and ", conditions) + ")"
            : string.Join(" and ", conditions.Prepend(TableClient.CreateQueryFilter($"RowKey gt {CompleteRowKey}")));
        var inPartition = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        return rows is null ? inPartition : $"{inPartition} and ({rows})";
    }

    private TableEntity RowOf(LedgerEntry entry, string entryRowKey) =>
        TableUploadLedger.Write(PartitionOf(datasets.ForUpload(entry.File).Id), RowKeyOf(entry.File, entry.UploadedAt, entryRowKey), entry);
}
