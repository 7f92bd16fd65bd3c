using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Pipeline.Core;
using Pipeline.Core.Ports;

namespace Pipeline.Storage;

public sealed partial class TableComparisonStore
{
    /// <summary>
    /// Areas per piece of a large summary. A national area's entry was about 600 bytes of JSON, and 500 a piece was
    /// chosen by measurement (docs/performance.md); each rate's 95% intervals (docs/contract.md section 13) made the
    /// entries larger, and pieces of 500 some 76 KB compressed (one area's read 80 KB), so a piece is now 350 areas, about
    /// 54 KB: one area's summary (the index and one piece) still reads under 64 KB, and a page of 50 areas at most two pieces.
    /// </summary>
    internal const int AreasPerPiece = 350;

    /// <summary>How many pieces are read or written at once.</summary>
    private const int ParallelPieces = 8;

    private const string PieceSuffix = ".json.gz";

    /// <summary>The blob a piece is kept in: under the document's folder, named by the SHA-256 of its bytes.</summary>
    private static string PieceName(string prefix, string sha256) => $"{prefix}{sha256}{PieceSuffix}";

    /// <summary>The SHA-256 of each piece, worked out once for both its blob's name and the index's line.</summary>
    private static string[] HashesOf(IReadOnlyList<DocumentPiece> pieces) => [.. pieces.Select(p => DocumentBlobs.Sha256Of(p.Content))];

    /// <summary>
    /// The index properties of a document kept in pieces: its hash and length, its head and tail, the folder of its
    /// pieces (<c>PiecePrefix</c>) and each piece's key and hash, a line each (<c>key sha256</c>: the blob is the folder,
    /// the hash and <c>.json.gz</c>, so a national series' index stays small enough to read with one piece within 64 KB);
    /// long text split across numbered properties as <see cref="TableWrites.SetChunked"/> does.
    /// </summary>
    private static TableEntity PiecedEntity(string partition, string rowKey, string sha256, PiecedDocument document, IReadOnlyList<string> hashes, string prefix)
    {
        var entity = new TableEntity(partition, rowKey)
        {
            ["Sha256"] = sha256,
            ["Bytes"] = document.Length,
            ["PiecePrefix"] = prefix,
        };
        TableWrites.SetChunked(entity, "Head", Encoding.UTF8.GetString(document.Head));
        TableWrites.SetChunked(entity, "Tail", Encoding.UTF8.GetString(document.Tail));
        TableWrites.SetChunked(entity, "Pieces", Lines(document.Pieces, hashes));
        return entity;
    }

    private static bool IsPieced(TableEntity entity) => entity.ContainsKey("PiecesChunks");

    private static string Lines(IReadOnlyList<DocumentPiece> pieces, IReadOnlyList<string> hashes) => string.Join('\n', pieces.Select((p, i) => $"{p.Key} {hashes[i]}"));

    private static List<PieceRef> PiecesOf(TableEntity entity, string property)
    {
        var prefix = entity.GetString("PiecePrefix");
        return [.. TableWrites.GetChunked(entity, property).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Select(parts => new PieceRef(parts[0], $"{prefix}{parts[1]}{PieceSuffix}"))];
    }

    /// <summary>Every blob an index entity points to: its document's, or its pieces'.</summary>
    private static IEnumerable<string> BlobsOf(TableEntity entity) =>
        entity.GetString("Document") is { } document ? [document]
        : IsPieced(entity) ? PiecesOf(entity, "Pieces").Concat(entity.ContainsKey("AreasChunks") ? PiecesOf(entity, "Areas") : []).Select(p => p.Name)
        : [];

    /// <summary>Writes each piece not already referenced, compressed, a few at a time, into <paramref name="prefix"/>.</summary>
    private async Task PutPiecesAsync(string prefix, IReadOnlyList<DocumentPiece> pieces, IReadOnlyList<string> hashes, HashSet<string> referenced, CancellationToken cancellationToken)
    {
        var names = hashes.Select(h => PieceName(prefix, h)).ToList();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, pieces.Count).Where(i => !referenced.Contains(names[i])).DistinctBy(i => names[i]),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelPieces, CancellationToken = cancellationToken },
            async (i, token) => await _documents.PutAsync(names[i], Compress(pieces[i].Content), token, touchExisting: true));
    }

    public async Task<byte[]> ReadPieceAsync(string name, CancellationToken cancellationToken = default) =>
        await TryReadPieceAsync(name, cancellationToken) ?? throw new InvalidDataException($"The piece {name} is missing.");

    public async Task CopyPieceToAsync(string name, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(destination);
        await using var stored = await _documents.OpenAsync(name, cancellationToken) ?? throw new InvalidDataException($"The piece {name} is missing.");
        await using var gzip = new GZipStream(stored, CompressionMode.Decompress);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int read;
            while ((read = await gzip.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        CheckNamedBy(name, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Throws unless <paramref name="name"/> is that of a piece whose bytes have <paramref name="sha256"/>.</summary>
    private static void CheckNamedBy(string name, string sha256)
    {
        if (!name.EndsWith($"/{sha256}{PieceSuffix}", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The piece {name} does not have the SHA-256 its name records.");
        }
    }

    /// <summary>A piece's bytes, checked against the hash its name records; null when there is no such blob.</summary>
    private async Task<byte[]?> TryReadPieceAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (await _documents.GetAsync(name, cancellationToken) is not { } stored)
        {
            return null;
        }

        using var gzip = new GZipStream(new MemoryStream(stored), CompressionMode.Decompress);
        using var content = new MemoryStream(stored.Length * 8);
        await gzip.CopyToAsync(content, cancellationToken);
        var bytes = content.ToArray();
        CheckNamedBy(name, DocumentBlobs.Sha256Of(bytes));
        return bytes;
    }

    /// <summary>
    /// A document kept in pieces, whole (every piece read, a few at a time) or, for <paramref name="areas"/>, its head and
    /// tail around the entries of those areas (those that the pieces holding them have), read from those pieces only. The
    /// whole is checked against the SHA-256 the entity records, as a blob document is; each piece against its name's.
    /// Null when a piece is missing (the index was replaced and its pieces cleaned up since it was read), with its name.
    /// </summary>
    private async Task<(byte[]? Json, string? Missing)> ReadPiecedAsync(TableEntity entity, IReadOnlyCollection<string>? areas, CancellationToken cancellationToken)
    {
        var head = Encoding.UTF8.GetBytes(TableWrites.GetChunked(entity, "Head"));
        var tail = Encoding.UTF8.GetBytes(TableWrites.GetChunked(entity, "Tail"));
        var pieces = PiecesOf(entity, "Pieces");
        var wanted = areas?.ToHashSet(StringComparer.Ordinal);
        var toRead = wanted is null ? pieces
            : [.. wanted.Select(code => PieceRef.Holding(pieces, code)).Where(i => i >= 0).Distinct().Order().Select(i => pieces[i])];
        var contents = new byte[]?[toRead.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, toRead.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelPieces, CancellationToken = cancellationToken },
            async (i, token) => contents[i] = await TryReadPieceAsync(toRead[i].Name, token));
        if (Array.IndexOf(contents, null) is var gone and >= 0)
        {
            return (null, toRead[gone].Name);
        }

        if (wanted is not null)
        {
            var entries = contents.SelectMany(piece => JsonPieces.Elements(piece!))
                .Where(e => JsonPieces.KeyOrNull(e.Span, "code") is { } code && wanted.Contains(code))
                .ToList();
            using var joined = new MemoryStream();
            joined.Write(head);
            for (var i = 0; i < entries.Count; i++)
            {
                joined.Write(i == 0 ? [] : ","u8);
                joined.Write(entries[i].Span);
            }

            joined.Write(tail);
            return (joined.ToArray(), null);
        }

        var whole = new byte[head.Length + contents.Sum(c => c!.Length) + tail.Length];
        var at = 0;
        foreach (var part in contents.Prepend(head).Append(tail).OfType<byte[]>())
        {
            part.CopyTo(whole, at);
            at += part.Length;
        }

        return DocumentBlobs.Sha256Of(whole) == entity.GetString("Sha256")
            ? (whole, null)
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The pieces of {entity.PartitionKey}/{entity.RowKey} do not make the document its index records."));
    }

    private static byte[] Compress(byte[] content)
    {
        using var output = new MemoryStream(content.Length / 4);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
