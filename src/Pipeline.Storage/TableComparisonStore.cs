using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;

namespace Pipeline.Storage;

/// <summary>
/// The annual comparisons: each summary document is a JSON blob in the documents container, named by its SHA-256 and
/// never changed (<c>summaries/&lt;dataset&gt;/&lt;basis&gt;/&lt;period&gt;/&lt;sha256&gt;.json</c>), and a small
/// index entity per period in Azure Table Storage points to it: partition = basis (<c>calendar</c>, <c>financial</c>)
/// for the default dataset, <c>&lt;dataset id&gt;.&lt;basis&gt;</c> for the others; row key = period key
/// (<c>2024</c>, <c>2024-25</c>), or <c>default</c> for the basis' default period. A document of at most
/// <see cref="InlineBytes"/> bytes (a few dozen areas) is kept in its index entity instead, with no blob. A
/// recalculation writes the new blobs first (only those whose bytes changed), then switches the whole basis' index in
/// one transaction, so a reader sees every period of one version or of the other, never a mix; a summary is one read
/// (a document kept inline) or two (the index entity and its blob).
/// Blobs the previous version pointed to are kept until the next switch, so a reader who read the old index still
/// finds its blob; older ones are deleted. The partition <c>state</c> keeps each dataset's fingerprint of the inputs its
/// last recalculation used (row key <c>recalc</c> for the default dataset, <c>recalc.&lt;dataset id&gt;</c> for the
/// others). Index entities written before the documents container held the JSON inline (<c>JsonChunks</c>); they are
/// still read, and the next recalculation replaces them. Each dataset's series of every accepted quarter is one more
/// index entity by the same rule, row key <c>all</c> in partition <c>series</c> (<c>&lt;dataset id&gt;.series</c>), its
/// blob under <c>series/&lt;dataset&gt;/</c> (<c>TableComparisonStore.Series.cs</c>).
/// </summary>
public sealed partial class TableComparisonStore : IComparisonStore
{
    internal const string DefaultRowKey = "default";
    private const string StatePartition = "state";
    private const string StateRowKey = "recalc";

    /// <summary>Azure Tables' limit on the operations of one transaction.</summary>
    internal const int MaxBatchOperations = 100;

    private readonly TableClient _table;
    private readonly DocumentBlobs _documents;

    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TableComparisonStore(TableServiceClient service, BlobServiceClient blobs, IOptions<StorageOptions> options, TimeProvider time, ILogger<TableComparisonStore> logger)
    {
        _time = time;
        _logger = logger;
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _table = service.GetTableClient(options.Value.ComparisonsTable);
        _documents = new DocumentBlobs(blobs, options, time);
    }

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

        foreach (var basis in comparisons.GroupBy(c => c.Basis))
        {
            await SwitchBasisAsync(dataset, basis.Key, [.. basis], cancellationToken);
        }

        var state = new TableEntity(StatePartition, dataset == DatasetDefinition.DefaultId ? StateRowKey : $"{StateRowKey}.{dataset}")
        {
            ["InputFingerprint"] = inputFingerprint,
            ["Comparisons"] = comparisons.Count,
        };
        await TableWrites.WhenTableExistsAsync(_table, () => _table.UpsertEntityAsync(state, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public Task<StoredSummary?> GetAsync(string dataset, YearBasis basis, Period? period, CancellationToken cancellationToken = default) =>
        GetAsync(dataset, basis, period, null, cancellationToken);

    public Task<StoredSummary?> GetAreasAsync(string dataset, YearBasis basis, Period? period, IReadOnlyCollection<string> areas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(areas);
        return GetAsync(dataset, basis, period, areas, cancellationToken);
    }

    private async Task<StoredSummary?> GetAsync(string dataset, YearBasis basis, Period? period, IReadOnlyCollection<string>? areas, CancellationToken cancellationToken)
    {
        if (await GetDocumentAsync(PartitionOf(dataset, basis), period?.Key ?? DefaultRowKey, areas, cancellationToken) is not { } found)
        {
            return null;
        }

        var (entity, json) = found;

        return Period.TryParse(basis, entity.GetString("Period"), out var stored)
            ? new StoredSummary(stored, json)
            : throw new InvalidOperationException($"Comparison {entity.PartitionKey}/{entity.RowKey} has no readable period.");
    }

    /// <summary>
    /// An index entity and the document it holds or points to: one read for a document kept inline, two for one in a
    /// blob (whose SHA-256 is checked against the entity's), and for one kept in pieces the entity and every piece, or
    /// with <paramref name="areas"/> the pieces that hold them (<see cref="ReadPiecedAsync"/>); null when there is no
    /// such entity.
    /// </summary>
    private async Task<(TableEntity Entity, byte[] Json)?> GetDocumentAsync(string partition, string rowKey, IReadOnlyCollection<string>? areas, CancellationToken cancellationToken)
    {
        // A blob is deleted only two switches after the index stopped pointing to it; should a reader be that slow
        // between its two reads, it reads the index again and finds the newer one.
        for (var attempt = 0; ; attempt++)
        {
            var entity = await GetIndexAsync(partition, rowKey, cancellationToken);
            if (entity is null)
            {
                return null;
            }

            if (IsPieced(entity))
            {
                var (pieced, missing) = await ReadPiecedAsync(entity, areas, cancellationToken);
                if (pieced is not null)
                {
                    return (entity, pieced);
                }

                if (attempt > 0)
                {
                    throw new InvalidDataException($"The document {missing} that {entity.PartitionKey}/{entity.RowKey} points to is missing.");
                }

                StorageLog.DocumentMissingIndexReadAgain(_logger, missing!, entity.PartitionKey, entity.RowKey);
                continue;
            }

            if (entity.GetString("Document") is not { } name)
            {
                // Small enough to be kept in the entity; or written before the documents container, in chunks.
                var inline = entity.GetString("Json") ?? TableWrites.GetChunked(entity, "Json");
                return (entity, Encoding.UTF8.GetBytes(inline));
            }

            if (await _documents.GetAsync(name, cancellationToken) is { } json)
            {
                if (DocumentBlobs.Sha256Of(json) != entity.GetString("Sha256"))
                {
                    throw new InvalidDataException($"The document {name} does not have the SHA-256 its index entity records.");
                }

                return (entity, json);
            }

            if (attempt > 0)
            {
                throw new InvalidDataException($"The document {name} that {entity.PartitionKey}/{entity.RowKey} points to is missing.");
            }

            // Rare and harmless once; often, it says readers are slower than switches, or something deletes blobs.
            StorageLog.DocumentMissingIndexReadAgain(_logger, name, entity.PartitionKey, entity.RowKey);
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

    private async Task<TableEntity?> GetIndexAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
            return response.HasValue ? response.Value : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // No table yet.
        }
    }
}
