using System.Buffers;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Series;

public sealed partial class SeriesService
{
    /// <summary>
    /// A large series' answer from its pieces: one area's from the one run of areas that holds it (the index and one
    /// piece in all); the whole series, JSON or CSV, streamed a quarter at a time, tagged by the hash and length the
    /// recalculation recorded, so that neither is ever held whole.
    /// </summary>
    private async Task<SummaryResponse> FromPiecesAsync(
        DatasetDefinition dataset, StoredSeries stored, SeriesIndex index, string? area, string format, CancellationToken cancellationToken)
    {
        if (area is not null)
        {
            var document = await AreaFromPiecesAsync(dataset, index, area, cancellationToken);
            return document is null ? NoSuchArea(dataset, area)
                : format == "csv" ? Ok(SeriesCsv.ToUtf8Bytes(document, Withheld.SymbolOf(dataset)), SeriesCsv.ContentType)
                : Ok(SeriesJson.ToUtf8Bytes(document), SeriesJson.ContentType);
        }

        return format == "csv"
            ? Streamed(SeriesCsv.ContentType, index.CsvSha256, index.CsvBytes, (output, token) => WriteCsvAsync(dataset, index, output, token))
            : Streamed(SeriesJson.ContentType, stored.Sha256, stored.Bytes, (output, token) => WriteJsonAsync(index, output, token));
    }

    /// <summary>One area's series (<see cref="SeriesDocument.ForArea"/>) from the run of areas that would hold it; null when none does.</summary>
    private async Task<SeriesDocument?> AreaFromPiecesAsync(DatasetDefinition dataset, SeriesIndex index, string area, CancellationToken cancellationToken) =>
        PieceRef.Holding(index.AreaShards, area) is var holder and >= 0
            ? SeriesShards.ForArea(dataset.Id, [.. dataset.Fields.Select(f => f.Name)], index.Totals, await store.ReadPieceAsync(index.AreaShards[holder].Name, cancellationToken), area)
            : null;

    /// <summary>The whole JSON: the head, each quarter's piece copied from storage as it is read, the tail.</summary>
    private async Task WriteJsonAsync(SeriesIndex index, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(index.Head, cancellationToken);
        foreach (var piece in index.Quarters)
        {
            await store.CopyPieceToAsync(piece.Name, output, cancellationToken);
        }

        await output.WriteAsync(index.Tail, cancellationToken);
    }

    /// <summary>The whole CSV: the header, then each quarter's rows, made from its piece of the JSON.</summary>
    private async Task WriteCsvAsync(DatasetDefinition dataset, SeriesIndex index, Stream output, CancellationToken cancellationToken)
    {
        var fields = dataset.Fields.Select(f => f.Name).ToList();
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        SeriesCsv.WriteHeader(buffer, fields);
        await foreach (var piece in PiecesAsync(index, cancellationToken))
        {
            foreach (var element in JsonPieces.Elements(piece))
            {
                SeriesCsv.WriteQuarter(buffer, SeriesJson.ReadQuarter(element, fields), Withheld.SymbolOf(dataset));
            }

            await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
            buffer.ResetWrittenCount();
        }

        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    /// <summary>Each quarter's piece in order, the next one already being read while the caller handles one.</summary>
    private async IAsyncEnumerable<byte[]> PiecesAsync(SeriesIndex index, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Task<byte[]>? next = index.Quarters.Count > 0 ? store.ReadPieceAsync(index.Quarters[0].Name, cancellationToken) : null;
        for (var i = 0; i < index.Quarters.Count; i++)
        {
            var piece = await next!;
            next = i + 1 < index.Quarters.Count ? store.ReadPieceAsync(index.Quarters[i + 1].Name, cancellationToken) : null;
            yield return piece;
        }
    }

    private static SummaryResponse Streamed(string contentType, string sha256, long length, Func<Stream, CancellationToken, Task> write) =>
        new(SummaryResult.Found, contentType, [], $"\"{sha256[..32]}\"", null) { Streamed = new StreamedBody(length, write) };
}
