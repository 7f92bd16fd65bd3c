using Azure.Data.Tables;

namespace Pipeline.Storage;

/// <summary>
/// Entries written before the index (by the previous version, under either partition scheme) list with no migration
/// command: the first listing of a partition without its marker indexes every entry of the ledger once, then marks
/// every dataset's partition complete, and the ledger as a whole (<c>recent:</c>). A dataset added to the registry later
/// finds the ledger marked and only marks its own partition. Rerunning it is harmless: an entry's index row key is fixed.
/// </summary>
internal sealed partial class LedgerIndex
{
    /// <summary>
    /// Every entry, of either partition scheme (the hashed name, or the escaped name before it: neither can hold a
    /// <c>:</c>, which every index partition has), and neither the sent records (row keys from <c>sent.</c>) nor the index.
    /// </summary>
    public static readonly string EntriesFilter =
        TableClient.CreateQueryFilter($"(PartitionKey lt {PartitionPrefix} or PartitionKey ge {"recent;"}) and RowKey lt {"sent."}");

    /// <summary>The partition of the marker saying every entry of the ledger has been indexed once.</summary>
    private const string LedgerPartition = PartitionPrefix;

    /// <summary>A transaction holds at most 100 operations, in one partition.</summary>
    private const int Batch = 100;

    private async Task IndexOldEntriesAsync(string dataset, CancellationToken cancellationToken)
    {
        if (await IsMarkedAsync(LedgerPartition, cancellationToken))
        {
            await MarkAsync(PartitionOf(dataset), cancellationToken);
            return;
        }

        // The listed columns only (not the reports). By partition, up to a transaction's worth, keyed by row: an upload whose entry exists under both schemes
        // has one index row, and a transaction may not name a row twice.
        var pending = new Dictionary<string, Dictionary<string, TableEntity>>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(EntriesFilter, select: Listed, cancellationToken: cancellationToken))
        {
            var row = RowOf(TableUploadLedger.Read(entity), entity.RowKey);
            if (!pending.TryGetValue(row.PartitionKey, out var rows))
            {
                pending[row.PartitionKey] = rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            }

            rows[row.RowKey] = row;
            if (rows.Count == Batch)
            {
                await WriteAsync(rows, cancellationToken);
            }
        }

        foreach (var rows in pending.Values.Where(r => r.Count > 0))
        {
            await WriteAsync(rows, cancellationToken);
        }

        // Only once every row is written: each dataset's partition (this one too, whether or not it is in the registry
        // still), then the ledger's.
        foreach (var partition in datasets.All.Select(d => PartitionOf(d.Id)).Append(PartitionOf(dataset)).Distinct(StringComparer.Ordinal))
        {
            await MarkAsync(partition, cancellationToken);
        }

        await MarkAsync(LedgerPartition, cancellationToken);
    }

    private async Task WriteAsync(Dictionary<string, TableEntity> rows, CancellationToken cancellationToken)
    {
        await table.SubmitTransactionAsync([.. rows.Values.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))], cancellationToken);
        rows.Clear();
    }

    private async Task<bool> IsMarkedAsync(string partition, CancellationToken cancellationToken)
    {
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(partition, CompleteRowKey, ["RowKey"], cancellationToken);
        return marker.HasValue;
    }

    private async Task MarkAsync(string partition, CancellationToken cancellationToken)
    {
        await TableWrites.WhenTableExistsAsync(
            table, () => table.UpsertEntityAsync(new TableEntity(partition, CompleteRowKey), TableUpdateMode.Replace, cancellationToken), cancellationToken);
        _complete[partition] = true;
    }
}
