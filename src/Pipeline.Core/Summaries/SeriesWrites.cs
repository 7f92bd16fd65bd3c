using System.Buffers;
using System.Security.Cryptography;
using Pipeline.Core.Ports;

namespace Pipeline.Core.Summaries;

/// <summary>
/// What a recalculation gives the store of a series: its JSON, and for a large one the pieces its readers read (one per
/// quarter, for the whole series streamed; runs of areas, for one area's), with the totals and the CSV's hash and length,
/// so that the whole CSV can be tagged and streamed too.
/// </summary>
public static class SeriesWrites
{
    /// <summary>
    /// Areas per piece of the by-area series. At 80 quarters and three fields an area takes about 1.2 KB, so a piece of
    /// 100 areas is about 120 KB, some 30 KB compressed: one area's series reads under 64 KB (docs/performance.md).
    /// </summary>
    public const int AreasPerShard = 100;

    public static SeriesWrite Of(SeriesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var json = SeriesJson.ToUtf8Bytes(document);
        return new SeriesWrite(json, new Lazy<SeriesPieces>(() => PiecesOf(document, json)));
    }

    private static SeriesPieces PiecesOf(SeriesDocument document, byte[] json)
    {
        // The CSV a quarter at a time, hashed and counted as it goes: never the whole of it in memory.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        long length = 0;
        SeriesCsv.WriteHeader(buffer, document.Fields);
        foreach (var quarter in document.Quarters)
        {
            SeriesCsv.WriteQuarter(buffer, quarter);
            hash.AppendData(buffer.WrittenSpan);
            length += buffer.WrittenCount;
            buffer.ResetWrittenCount();
        }

        hash.AppendData(buffer.WrittenSpan);
        length += buffer.WrittenCount;
        return new SeriesPieces(
            JsonPieces.Cut(json, "quarters", "quarter", 1),
            SeriesShards.Totals(document),
            SeriesShards.Build(document, AreasPerShard),
            Convert.ToHexStringLower(hash.GetHashAndReset()),
            length);
    }
}
