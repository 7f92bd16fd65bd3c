using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;

namespace Pipeline.Storage;

/// <summary>
/// The annual comparisons in Azure Table Storage, one entity per document: partition = basis (<c>calendar</c>,
/// <c>financial</c>) for the default dataset, <c>&lt;dataset id&gt;.&lt;basis&gt;</c> for the others; row key = period key (<c>2024</c>, <c>2024-25</c>) or <c>default</c> for the basis' default
/// period, the summary JSON in the entity (split across properties past 30,000 characters). Each document is one
/// entity, written whole, so a reader never sees half a period; a summary is one point read. The partition
/// <c>state</c> keeps each dataset's fingerprint of the inputs its last recalculation used (row key <c>recalc</c> for
/// the default dataset, as before datasets existed; <c>recalc.&lt;dataset id&gt;</c> for the others).
/// </summary>
public sealed class TableComparisonStore(TableServiceClient service, IOptions<StorageOptions> options) : IComparisonStore
{
    internal const string DefaultRowKey = "default";
    private const string StatePartition = "state";
    private const string StateRowKey = "recalc";

    // A batch holds at most 100 operations and 4 MiB; stay well inside the size.
    private const int MaxBatchOperations = 100;
    private const long MaxBatchChars = 1_500_000;

    private readonly TableClient _table = service.GetTableClient(options.Value.ComparisonsTable);

    public async Task<IReadOnlyDictionary<string, string>> GetInputFingerprintsAsync(CancellationToken cancellationToken = default)
    {
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var state in _table.QueryAsync<TableEntity>(e => e.PartitionKey == StatePartition, cancellationToken: cancellationToken))
            {
                var dataset = state.RowKey == StateRowKey ? DatasetDefinition.DefaultId
                    : state.RowKey.StartsWith(StateRowKey + ".", StringComparison.Ordinal) ? state.RowKey[(StateRowKey.Length + 1)..]
                    : null;
                if (dataset is not null && state.GetString("InputFingerprint") is { } fingerprint)
                {
                    fingerprints[dataset] = fingerprint;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: nothing computed yet.
        }

        return fingerprints;
    }

    public async Task WriteAsync(string dataset, IReadOnlyList<StoredComparison> comparisons, string inputFingerprint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataset);
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentException.ThrowIfNullOrEmpty(inputFingerprint);

        // One transaction per basis where the size allows (Azure Tables transactions are per partition): a basis'
        // periods and its default switch together.
        foreach (var basis in comparisons.GroupBy(c => c.Basis))
        {
            var entities = new List<TableEntity>();
            foreach (var comparison in basis)
            {
                entities.Add(ToEntity(dataset, comparison, comparison.Period.Key));
                if (comparison.IsDefault)
                {
                    entities.Add(ToEntity(dataset, comparison, DefaultRowKey));
                }
            }

            foreach (var batch in Batches(entities))
            {
                var actions = batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
                await TableWrites.WhenTableExistsAsync(_table, () => _table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
            }
        }

        var state = new TableEntity(StatePartition, dataset == DatasetDefinition.DefaultId ? StateRowKey : $"{StateRowKey}.{dataset}")
        {
            ["InputFingerprint"] = inputFingerprint,
            ["Comparisons"] = comparisons.Count,
        };
        await TableWrites.WhenTableExistsAsync(_table, () => _table.UpsertEntityAsync(state, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public async Task<StoredSummary?> GetAsync(string dataset, YearBasis basis, Period? period, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(
                PartitionOf(dataset, basis), period?.Key ?? DefaultRowKey, cancellationToken: cancellationToken);
            if (!response.HasValue)
            {
                return null;
            }

            var entity = response.Value!;
            if (!Period.TryParse(basis, entity.GetString("Period"), out var stored))
            {
                throw new InvalidOperationException($"Comparison {entity.PartitionKey}/{entity.RowKey} has no readable period.");
            }

            return new StoredSummary(stored, Encoding.UTF8.GetBytes(TableWrites.GetChunked(entity, "Json")));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<StoredPeriod>> ListPeriodsAsync(string dataset, YearBasis basis, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataset);
        var periods = new List<(Period Period, ComparisonStatus Status)>();
        Period? fallback = null;
        try
        {
            // One query of the basis' partition, only the keys, the status and the period: never the documents.
            var partition = PartitionOf(dataset, basis);
            await foreach (var entity in _table.QueryAsync<TableEntity>(
                e => e.PartitionKey == partition, select: ["RowKey", "Status", "Period"], cancellationToken: cancellationToken))
            {
                if (entity.RowKey == DefaultRowKey)
                {
                    fallback = Period.TryParse(basis, entity.GetString("Period"), out var chosen) ? chosen : null;
                }
                else if (Period.TryParse(basis, entity.RowKey, out var period))
                {
                    periods.Add((period, entity.GetString("Status") == ComparisonStatusNames.Complete ? ComparisonStatus.Complete : ComparisonStatus.YearToDate));
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: nothing computed yet.
        }

        return [.. periods.OrderBy(p => p.Period).Select(p => new StoredPeriod(p.Period, p.Status, p.Period == fallback))];
    }

    internal static string PartitionOf(string dataset, YearBasis basis) =>
        dataset == DatasetDefinition.DefaultId ? basis.ToWireName() : $"{dataset}.{basis.ToWireName()}";

    private static TableEntity ToEntity(string dataset, StoredComparison comparison, string rowKey)
    {
        var entity = new TableEntity(PartitionOf(dataset, comparison.Basis), rowKey)
        {
            ["Period"] = comparison.Period.ToString(),
            ["Status"] = comparison.Status.ToWireName(),
        };
        TableWrites.SetChunked(entity, "Json", Encoding.UTF8.GetString(comparison.Json));
        return entity;
    }

    private static IEnumerable<List<TableEntity>> Batches(List<TableEntity> entities)
    {
        var batch = new List<TableEntity>();
        long chars = 0;
        foreach (var entity in entities)
        {
            var size = entity.Sum(p => p.Value is string s ? s.Length : 16);
            if (batch.Count > 0 && (batch.Count == MaxBatchOperations || chars + size > MaxBatchChars))
            {
                yield return batch;
                batch = [];
                chars = 0;
            }

            batch.Add(entity);
            chars += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
