using System.Text;
using Azure.Data.Tables;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;

namespace Pipeline.Storage;

public sealed partial class TableComparisonStore
{
    /// <summary>The one row of a dataset's series partition.</summary>
    internal const string SeriesRowKey = "all";

    private const string SeriesName = "series";

    /// <summary>
    /// The series as one index entity: inline up to <see cref="InlineBytes"/>; larger, in pieces written first under
    /// <c>series/&lt;dataset&gt;/</c>, each named by its hash so that a quarter unchanged keeps its blob: one a quarter
    /// (the whole JSON streams from them) and runs of <see cref="Core.Series.SeriesWrites.AreasPerShard"/> areas (one
    /// area's series is one of them), the entity keeping the head and tail, every quarter's totals and the CSV's hash
    /// and length. Nothing is written when the stored series has the same SHA-256 and layout. One upsert replaces it,
    /// so a reader sees the old series or the new one. Then blobs of the dataset's series that neither the entity nor
    /// the one it replaced points to are deleted once older than <see cref="CleanUpAge"/> (a reader who read the old
    /// entity finds its blobs meanwhile, or reads the entity again).
    /// </summary>
    public async Task WriteSeriesAsync(string dataset, SeriesWrite series, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataset);
        ArgumentNullException.ThrowIfNull(series);
        var prefix = $"{SeriesName}/{dataset}/";
        var sha256 = series.Sha256;
        var inline = series.Bytes <= InlineBytes;

        // The series has no computedAt: the same figures are the same bytes, and nothing needs writing.
        var current = await GetIndexAsync(SeriesPartitionOf(dataset), SeriesRowKey, cancellationToken);
        if (current?.GetString("Sha256") == sha256 && (inline ? current.ContainsKey("Json") : IsPieced(current)))
        {
            return;
        }

        var previous = current is null ? [] : BlobsOf(current).ToHashSet(StringComparer.Ordinal);
        TableEntity entity;
        if (inline)
        {
            entity = InlineEntity(SeriesPartitionOf(dataset), SeriesRowKey, [.. series.Json.Head, .. series.Json.Pieces.SelectMany(p => p.Content), .. series.Json.Tail], sha256);
        }
        else
        {
            // The runs of areas and the CSV's hash are made on another core while the quarters' pieces are written.
            var byArea = Task.Run(() => series.ByArea.Value, cancellationToken);
            var quarters = HashesOf(series.Json.Pieces);
            await PutPiecesAsync(prefix, series.Json.Pieces, quarters, previous, cancellationToken);
            var pieces = await byArea;
            var areas = HashesOf(pieces.AreaShards);
            await PutPiecesAsync(prefix, pieces.AreaShards, areas, previous, cancellationToken);
            entity = PiecedEntity(SeriesPartitionOf(dataset), SeriesRowKey, sha256, series.Json, quarters, prefix);
            TableWrites.SetChunked(entity, "Areas", Lines(pieces.AreaShards, areas));
            TableWrites.SetChunked(entity, "Totals", pieces.Totals);
            entity["CsvSha256"] = pieces.CsvSha256;
            entity["CsvBytes"] = pieces.CsvBytes;
        }

        await TableWrites.WhenTableExistsAsync(_table, () => _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken), cancellationToken);

        // The version just replaced is kept until the next switch, as the summaries' are.
        var referenced = BlobsOf(entity).Concat(previous).ToHashSet(StringComparer.Ordinal);
        var cutOff = _time.GetUtcNow() - CleanUpAge;
        await foreach (var (old, writtenAt) in _documents.ListAsync(prefix, cancellationToken))
        {
            if (!referenced.Contains(old) && writtenAt < cutOff)
            {
                await _documents.DeleteAsync(old, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The series as stored: one read for its entity, which holds a small series, or the index of a large one's pieces;
    /// a series stored as one blob (before series were cut) is read whole, with a second read.
    /// </summary>
    public async Task<StoredSeries?> GetSeriesAsync(string dataset, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataset);
        var partition = SeriesPartitionOf(dataset);
        var entity = await GetIndexAsync(partition, SeriesRowKey, cancellationToken);
        if (entity is not null && IsPieced(entity))
        {
            return new StoredSeries(entity.GetString("Sha256")!, entity.GetInt64("Bytes") ?? 0, null, new SeriesIndex(
                Encoding.UTF8.GetBytes(TableWrites.GetChunked(entity, "Head")),
                PiecesOf(entity, "Pieces"),
                Encoding.UTF8.GetBytes(TableWrites.GetChunked(entity, "Tail")),
                TableWrites.GetChunked(entity, "Totals"),
                PiecesOf(entity, "Areas"),
                entity.GetString("CsvSha256")!,
                entity.GetInt64("CsvBytes") ?? 0));
        }

        if (entity is not null && entity.GetString("Json") is { } json)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            return new StoredSeries(DocumentBlobs.Sha256Of(bytes), bytes.Length, bytes, null);
        }

        // None, or a blob of the layout before pieces; should the entity have been replaced since, whole either way.
        return await GetDocumentAsync(partition, SeriesRowKey, null, cancellationToken) is { } found
            ? new StoredSeries(DocumentBlobs.Sha256Of(found.Json), found.Json.Length, found.Json, null)
            : null;
    }

    /// <summary><c>series</c> for the default dataset, <c>&lt;dataset id&gt;.series</c> for the others, as the bases' partitions.</summary>
    internal static string SeriesPartitionOf(string dataset) =>
        dataset == DatasetDefinition.DefaultId ? SeriesName : $"{dataset}.{SeriesName}";
}
