using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Ports;

namespace Pipeline.Storage;

public sealed partial class TableComparisonStore
{
    /// <summary>
    /// How old an unreferenced summary blob must be before a switch deletes it. A blob is unreferenced for a moment
    /// while a concurrent recalculation (another instance's) has written it and not yet switched its index to it.
    /// </summary>
    internal static readonly TimeSpan CleanUpAge = TimeSpan.FromHours(1);

    /// <summary>
    /// Documents up to this many bytes of UTF-8 are kept in their index entity (as a string property of at most 16,000
    /// characters, 32 KB in Azure's UTF-16 count), not in a blob: a summary of a few dozen areas is then one read. An
    /// entity stays under 33 KB (an entity of pieces, its head, tail and a line a piece, under that too), so a
    /// transaction of 100 of them stays under Azure's 4 MiB.
    /// </summary>
    internal const int InlineBytes = 16_000;

    /// <summary>How many documents are made at once ahead of the one being written: one a core, at most two.</summary>
    private static readonly int MakersAhead = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>
    /// Writes the pieces of <paramref name="comparisons"/> that are new (a document at a time, each cut into runs of
    /// <see cref="AreasPerPiece"/> areas, <see cref="JsonPieces.Cut"/>; one of at most <see cref="InlineBytes"/> is kept
    /// in its index entity instead), then replaces the basis' index in one
    /// transaction (several only past <see cref="MaxBatchOperations"/> rows: 99 periods and the default, 24 years of
    /// rolling periods), then deletes blobs neither the old index nor the new one points to, once they are older than
    /// <see cref="CleanUpAge"/>.
    /// </summary>
    private async Task SwitchBasisAsync(string dataset, YearBasis basis, List<StoredComparison> comparisons, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(dataset, basis);
        var prefix = $"summaries/{dataset}/{basis.ToWireName()}/";
        var before = await ReadIndexAsync(partition, cancellationToken);
        var referenced = new HashSet<string>(before.Values.SelectMany(BlobsOf), StringComparer.Ordinal);

        var ordered = comparisons.OrderBy(c => c.Period).ToList();
        bool Kept(StoredComparison c, out TableEntity? kept) =>
            before.TryGetValue(c.Period.Key, out kept) && c.InputKey is { } key && kept.GetString("InputKey") == key;
        var made = new Queue<StoredComparison>(ordered.Where(c => !Kept(c, out _)));

        // The next documents to write are made while the pieces of this one are written, MakersAhead at once (one a
        // core, up to two), so that the calculation, serialising and hashing of a national recalculation use both cores
        // and overlap storage's work, and at most three documents (about 6 MB each) are held, not a hundred.
        var ahead = new Queue<Task<MadeDocument>>();
        void MakeAhead()
        {
            while (ahead.Count < MakersAhead && made.Count > 0)
            {
                var next = made.Dequeue();
                ahead.Enqueue(Task.Run(() => Make(next), cancellationToken));
            }
        }

        MakeAhead();
        var actions = new List<TableTransactionAction>();
        foreach (var comparison in ordered)
        {
            TableEntity row;
            if (Kept(comparison, out var kept))
            {
                row = Copy(kept!, partition, comparison.Period.Key); // The same figures: the stored document stays, computedAt and all.
            }
            else
            {
                var document = await ahead.Dequeue();
                MakeAhead();
                if (document.Pieced is not { } pieced)
                {
                    row = InlineEntity(partition, comparison.Period.Key, document.Json, document.Sha256);
                }
                else
                {
                    var folder = $"{prefix}{comparison.Period.Key}/";
                    await PutPiecesAsync(folder, pieced.Pieces, document.Hashes, referenced, cancellationToken);
                    row = PiecedEntity(partition, comparison.Period.Key, document.Sha256, pieced, document.Hashes, folder);
                }

                row["Period"] = comparison.Period.ToString();
                row["Status"] = comparison.Status.ToWireName();
                row["InputKey"] = comparison.InputKey;
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
            if (comparison.IsDefault)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, Copy(row, partition, DefaultRowKey)));
            }
        }

        // Rows of periods this version no longer has go in the same transaction.
        var rows = actions.Select(a => a.Entity.RowKey).ToHashSet(StringComparer.Ordinal);
        actions.AddRange(before.Keys.Where(k => !rows.Contains(k))
            .Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k), ETag.All)));
        foreach (var batch in actions.Chunk(MaxBatchOperations))
        {
            await TableWrites.WhenTableExistsAsync(_table, () => _table.SubmitTransactionAsync(batch, cancellationToken), cancellationToken);
        }

        referenced.UnionWith(actions.Select(a => a.Entity).OfType<TableEntity>().SelectMany(BlobsOf));
        var cutOff = _time.GetUtcNow() - CleanUpAge;
        await foreach (var (name, writtenAt) in _documents.ListAsync(prefix, cancellationToken))
        {
            if (!referenced.Contains(name) && writtenAt < cutOff)
            {
                await _documents.DeleteAsync(name, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A document made ready to write: its hash, and its JSON when it is small enough to keep inline, else its pieces and
    /// their hashes.
    /// </summary>
    private sealed record MadeDocument(byte[] Json, string Sha256, PiecedDocument? Pieced, IReadOnlyList<string> Hashes);

    /// <summary>
    /// Makes a document: cut as it is written when the comparison can (<see cref="StoredComparison.Pieces"/>), else
    /// written whole and cut after; the whole hashed a piece at a time, and each piece hashed once.
    /// </summary>
    private static MadeDocument Make(StoredComparison comparison)
    {
        if (comparison.Pieces?.Invoke(AreasPerPiece) is { } cut)
        {
            if (cut.Length > InlineBytes)
            {
                using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                whole.AppendData(cut.Head);
                foreach (var piece in cut.Pieces)
                {
                    whole.AppendData(piece.Content);
                }

                whole.AppendData(cut.Tail);
                return new MadeDocument([], Convert.ToHexStringLower(whole.GetHashAndReset()), cut, HashesOf(cut.Pieces));
            }

            byte[] joined = [.. cut.Head, .. cut.Pieces.SelectMany(p => p.Content), .. cut.Tail];
            return new MadeDocument(joined, DocumentBlobs.Sha256Of(joined), null, []);
        }

        var json = comparison.ToJson();
        var pieced = json.Length <= InlineBytes ? null : JsonPieces.Cut(json, "areas", "code", AreasPerPiece);
        return new MadeDocument(json, DocumentBlobs.Sha256Of(json), pieced, pieced is null ? [] : HashesOf(pieced.Pieces));
    }

    /// <summary>The basis' index as it is, by row key.</summary>
    private async Task<Dictionary<string, TableEntity>> ReadIndexAsync(string partition, CancellationToken cancellationToken)
    {
        var index = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
            {
                index[entity.RowKey] = entity;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet.
        }

        return index;
    }

    /// <summary>The index entity of a document small enough to keep in it: its hash, its size and itself.</summary>
    private static TableEntity InlineEntity(string partition, string rowKey, byte[] json, string sha256) => new(partition, rowKey)
    {
        ["Sha256"] = sha256,
        ["Bytes"] = json.Length,
        ["Json"] = Encoding.UTF8.GetString(json),
    };

    /// <summary><paramref name="source"/>'s properties under another key (the default row, or a row kept as it is).</summary>
    private static TableEntity Copy(TableEntity source, string partition, string rowKey)
    {
        var copy = new TableEntity(partition, rowKey);
        foreach (var (name, value) in source)
        {
            if (name is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp"))
            {
                copy[name] = value;
            }
        }

        return copy;
    }
}
