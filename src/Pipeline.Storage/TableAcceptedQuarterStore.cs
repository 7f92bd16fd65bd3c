using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Storage;

/// <summary>
/// The accepted figures: one small index entity per dataset and quarter in Azure Table Storage (the file, its hash,
/// who sent it, the times, the area count and each field's total), pointing to the figures themselves, a JSON blob in the documents
/// container named after the dataset, the quarter and the accepted file's SHA-256 (<c>figures/&lt;dataset&gt;/2024-Q3/&lt;sha256&gt;.json</c>).
/// The blob is written first and never changed; the entity is then replaced in one conditional write, so a reader sees
/// either the old version or the new one, never a mix, and an index entity never points to a missing blob. A national
/// return (10,000 areas) is a blob of about 600 KB and an entity of under 1 KB, where one entity holding the figures
/// would pass Azure's 1 MiB limit at about 5,400 areas.
/// The partition is <c>quarter</c> for the default dataset (as before datasets existed) and <c>quarter.&lt;dataset id&gt;</c>
/// for the others; the row key is the quarter. Entities written before the documents container existed hold the
/// figures inline (<c>FiguresChunks</c>, <c>Figures0…</c>) and are still read; the next accepted version replaces them.
/// </summary>
public sealed partial class TableAcceptedQuarterStore : IAcceptedQuarterStore
{
    internal const string Partition = "quarter";

    private readonly TableClient _table;
    private readonly DocumentBlobs _documents;
    private readonly DatasetRegistry _datasets;
    private readonly FiguresCache _cache = new();

    /// <summary>The columns of an index entity: never the figures of an entity written before the documents container.</summary>
    private readonly string[] _indexColumns;

    public TableAcceptedQuarterStore(TableServiceClient service, Azure.Storage.Blobs.BlobServiceClient blobs, DatasetRegistry datasets, IOptions<StorageOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _table = service.GetTableClient(options.Value.AcceptedQuartersTable);
        _documents = new DocumentBlobs(blobs, options, time);
        _datasets = datasets;
        _indexColumns =
        [
            "PartitionKey", "RowKey", "File", "Sha256", "UploadedAt", "AcceptedAt", "AreaCount", "Revision", "SentBy", "Reason", "Kind",
            .. datasets.All.SelectMany(d => d.Fields).Select(f => InlineFigures.PascalCase(f.Name)).Distinct(StringComparer.Ordinal),
        ];
    }

    internal static string PartitionOf(string dataset) => dataset == DatasetDefinition.DefaultId ? Partition : $"{Partition}.{dataset}";

    /// <summary>Where a quarter's figures are kept in the documents container.</summary>
    internal static string FiguresName(AcceptedQuarterRecord record) => $"figures/{record.Dataset}/{record.Quarter}/{record.Sha256}.json";

    public async Task<AcceptedQuarterVersion?> GetAsync(string dataset, Quarter quarter, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(dataset), quarter.ToString(), _indexColumns, cancellationToken);
            return response.HasValue ? new AcceptedQuarterVersion(RecordOf(response.Value!), response.Value!.ETag.ToString()) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // No table yet: nothing accepted yet.
        }
    }

    public async Task<bool> TryReplaceAsync(AcceptedQuarter replacement, AcceptedQuarterVersion? expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var dataset = _datasets.Get(replacement.Dataset);
        var record = replacement.Record; // Its totals are summed over the areas once, for the entity and the log.
        var name = FiguresName(record);

        // The figures first: once the index points to them they must be there. If the index write below loses a race,
        // the blob stays behind unreferenced (it names the file it came from, so it is never mistaken for another).
        await _documents.PutAsync(name, FiguresDocument.Write(replacement, dataset), cancellationToken);
        _cache.Add(name, replacement);

        var entity = ToEntity(record, name, dataset);
        try
        {
            if (expected is null)
            {
                await TableWrites.WhenTableExistsAsync(_table, () => _table.AddEntityAsync(entity, cancellationToken), cancellationToken);
            }
            else
            {
                // The correction and its record in the revision log, in one transaction of the quarter's partition.
                var log = RevisionEntity(record, expected.Quarter, dataset, await TotalsAsync(expected.Quarter, cancellationToken));
                await _table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(expected.ConcurrencyToken)),
                        new TableTransactionAction(TableTransactionActionType.Add, log),
                    ],
                    cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<AcceptedQuarterRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var records = new List<AcceptedQuarterRecord>();
        try
        {
            // One query for every dataset (the partitions are quarter and quarter.<id>, which sort between these bounds),
            // of the index columns only: never the figures, even those of entities written before the documents container.
            // The revision log shares the partitions, under row keys revision.…, which sort after every quarter.
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey ge {Partition} and PartitionKey lt {Partition + "/"} and RowKey lt {RevisionPrefix}");
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: _indexColumns, cancellationToken: cancellationToken))
            {
                // A dataset whose definition was removed keeps its figures in storage, untouched, but is not compared:
                // its quarters are left out rather than stopping every other dataset's recalculation.
                if ((entity.PartitionKey == Partition || entity.PartitionKey.StartsWith(Partition + ".", StringComparison.Ordinal)) &&
                    _datasets.TryGet(DatasetOf(entity), out _))
                {
                    records.Add(RecordOf(entity));
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        records.Sort((a, b) => a.Dataset != b.Dataset ? string.CompareOrdinal(a.Dataset, b.Dataset) : a.Quarter.CompareTo(b.Quarter));
        return records;
    }

    public async Task<AcceptedQuarter> ReadAsync(AcceptedQuarterRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var dataset = _datasets.Get(record.Dataset);
        var name = FiguresName(record);
        if (_cache.TryGet(name, out var cached))
        {
            return Figures(cached.Areas);
        }

        var content = await _documents.GetAsync(name, cancellationToken);
        if (content is null)
        {
            return Figures(await ReadInlineAsync(record, dataset, cancellationToken));
        }

        var figures = Figures(FiguresDocument.Read(content, record, dataset, name, _cache.Share));
        _cache.Add(name, figures);
        return figures;

        // The areas under the record's own file, times and revision (cached figures may have come with another's).
        AcceptedQuarter Figures(IReadOnlyList<AreaFigures> areas) =>
            new(record.Quarter, record.File, record.Sha256, record.UploadedAt, record.AcceptedAt, areas, record.Dataset, record.Revision, record.SentBy);
    }

    /// <summary>Figures kept in the entity itself, as they were before the documents container.</summary>
    private async Task<IReadOnlyList<AreaFigures>> ReadInlineAsync(AcceptedQuarterRecord record, DatasetDefinition dataset, CancellationToken cancellationToken)
    {
        var entity = (await _table.GetEntityAsync<TableEntity>(PartitionOf(record.Dataset), record.Quarter.ToString(), cancellationToken: cancellationToken)).Value;
        if (entity.GetString("Sha256") != record.Sha256 || entity.GetInt32("FiguresChunks") is null)
        {
            throw new InvalidDataException($"The figures of {record.Dataset} {record.Quarter} ({record.File}) are missing: {FiguresName(record)} is not in the documents container.");
        }

        return InlineFigures.Read(TableWrites.GetChunked(entity, "Figures"), dataset);
    }

    private static TableEntity ToEntity(AcceptedQuarterRecord record, string figures, DatasetDefinition dataset)
    {
        var entity = new TableEntity(PartitionOf(record.Dataset), record.Quarter.ToString())
        {
            ["File"] = record.File,
            ["Sha256"] = record.Sha256,
            ["UploadedAt"] = record.UploadedAt,
            ["AcceptedAt"] = record.AcceptedAt,
            ["AreaCount"] = record.AreaCount,
            ["Revision"] = record.Revision,
            ["SentBy"] = record.SentBy,
            ["Figures"] = figures,
            ["Reason"] = record.Reason,
            ["Kind"] = record.Kind,
        };

        // Totals beside the figures, for the revision log and anyone reading the table: Offences, KnifeOffences...
        var totals = record.Totals!;
        for (var i = 0; i < dataset.Fields.Count; i++)
        {
            entity[InlineFigures.PascalCase(dataset.Fields[i].Name)] = totals[i];
        }

        return entity;
    }

    /// <summary>
    /// An index entity's record; entities written before revisions were tracked are revision 1, and before senders were,
    /// sent by <c>unknown</c>.
    /// </summary>
    private AcceptedQuarterRecord RecordOf(TableEntity entity)
    {
        var dataset = DatasetOf(entity);
        return new(
            Quarter.Parse(entity.RowKey),
            entity.GetString("File"),
            entity.GetString("Sha256"),
            entity.GetDateTimeOffset("UploadedAt") ?? default,
            entity.GetDateTimeOffset("AcceptedAt") ?? default,
            entity.GetInt32("AreaCount") ?? 0,
            dataset,
            entity.GetInt32("Revision") ?? 1,
            _datasets.TryGet(dataset, out var definition) ? TotalsOf(entity, definition, prefix: "") : null,
            entity.GetString("SentBy") ?? UploadSenders.Unknown,
            entity.GetString("Reason"),
            entity.GetString("Kind"));
    }

    private static string DatasetOf(TableEntity entity) =>
        entity.PartitionKey == Partition ? DatasetDefinition.DefaultId : entity.PartitionKey[(Partition.Length + 1)..];
}
