using Azure.Data.Tables;
using Pipeline.Core.Datasets;

namespace Pipeline.Storage;

public sealed partial class TableComparisonStore
{
    /// <summary>The one row of a dataset's series partition.</summary>
    internal const string SeriesRowKey = "all";

    private const string SeriesName = "series";

    /// <summary>
    /// The series as one index entity, by the summaries' rule: inline up to <see cref="InlineBytes"/>, else a write-once
    /// blob <c>series/&lt;dataset&gt;/&lt;sha256&gt;.json</c> it points to, written first. Nothing is written when the
    /// stored series has the same SHA-256. One upsert replaces it, so a reader sees the old series or the new one. Then
    /// blobs of the dataset's series that neither the entity nor the one it replaced points to are deleted once older
    /// than <see cref="CleanUpAge"/> (a reader who read the old entity finds its blob meanwhile, or reads the entity
    /// again).
    /// </summary>
    public async Task WriteSeriesAsync(string dataset, byte[] json, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataset);
        ArgumentNullException.ThrowIfNull(json);
        var prefix = $"{SeriesName}/{dataset}/";
        var sha256 = DocumentBlobs.Sha256Of(json);

        // The series has no computedAt: the same figures are the same bytes, and nothing needs writing (a national
        // series is over 100 MB).
        var current = await GetIndexAsync(SeriesPartitionOf(dataset), SeriesRowKey, cancellationToken);
        if (current?.GetString("Sha256") == sha256)
        {
            return;
        }

        var name = BlobNameOf(json, prefix, sha256);
        if (name is not null)
        {
            await _documents.PutAsync(name, json, cancellationToken, touchExisting: true);
        }

        var entity = DocumentEntity(SeriesPartitionOf(dataset), SeriesRowKey, json, name, sha256);
        await TableWrites.WhenTableExistsAsync(_table, () => _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken), cancellationToken);

        // The version just replaced is kept until the next switch, as the summaries' are.
        var previous = current?.GetString("Document");
        var cutOff = _time.GetUtcNow() - CleanUpAge;
        await foreach (var (old, writtenAt) in _documents.ListAsync(prefix, cancellationToken))
        {
            if (old != name && old != previous && writtenAt < cutOff)
            {
                await _documents.DeleteAsync(old, cancellationToken);
            }
        }
    }

    public async Task<byte[]?> GetSeriesAsync(string dataset, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataset);
        return await GetDocumentAsync(SeriesPartitionOf(dataset), SeriesRowKey, cancellationToken) is { } found ? found.Json : null;
    }

    /// <summary><c>series</c> for the default dataset, <c>&lt;dataset id&gt;.series</c> for the others, as the bases' partitions.</summary>
    internal static string SeriesPartitionOf(string dataset) =>
        dataset == DatasetDefinition.DefaultId ? SeriesName : $"{dataset}.{SeriesName}";
}
