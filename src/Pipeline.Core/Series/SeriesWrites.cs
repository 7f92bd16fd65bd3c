using System.Buffers;
using System.Security.Cryptography;
using Pipeline.Core.Ports;

namespace Pipeline.Core.Series;

/// <summary>
/// What a recalculation gives the store of a series: its JSON's hash and length and the JSON cut a piece a quarter (for
/// the whole series streamed), and for a large one runs of areas (for one area's), the totals and the CSV's hash and
/// length, so that the whole CSV can be tagged and streamed too.
/// </summary>
public static class SeriesWrites
{
    /// <summary>
    /// Areas per piece of the by-area series. At 80 quarters and three fields an area takes about 1.2 KB, so a run of 50
    /// areas is about 59 KB, 29 KB compressed, and at 10,000 areas the index lists 200 runs: one area's series, the index
    /// and one run, reads about 50 KB (100 areas: 77 KB; 25: 64 KB; docs/performance.md).
    /// </summary>
    public const int AreasPerShard = 50;

    /// <param name="document">The series, as published.</param>
    /// <param name="symbol">What the CSV shows for a withheld value (the dataset's <c>disclosure.symbol</c>).</param>
    public static SeriesWrite Of(SeriesDocument document, string? symbol = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var json = SeriesJson.Cut(document);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in json.Pieces.Select(p => p.Content).Prepend(json.Head).Append(json.Tail))
        {
            hash.AppendData(part);
        }

        return new SeriesWrite(Convert.ToHexStringLower(hash.GetHashAndReset()), json.Length, json, new Lazy<SeriesByArea>(() => ByArea(document, symbol)));
    }

    private static SeriesByArea ByArea(SeriesDocument document, string? symbol)
    {
        // The CSV a quarter at a time, hashed and counted as it goes: never the whole of it in memory.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        long length = 0;
        SeriesCsv.WriteHeader(buffer, document.Fields);
        foreach (var quarter in document.Quarters)
        {
            SeriesCsv.WriteQuarter(buffer, quarter, symbol);
            hash.AppendData(buffer.WrittenSpan);
            length += buffer.WrittenCount;
            buffer.ResetWrittenCount();
        }

        hash.AppendData(buffer.WrittenSpan);
        length += buffer.WrittenCount;
        return new SeriesByArea(SeriesShards.Totals(document), SeriesShards.Build(document, AreasPerShard), Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }
}
