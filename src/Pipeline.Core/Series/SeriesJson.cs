using System.Buffers;
using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Series;

/// <summary>
/// The series document's JSON body (docs/contract.md section 7): <c>{"dataset", "quarters": [{"quarter", "total":
/// {field: n}, "areas": [{"code", "name", field: n}]}]}</c>, the counts keyed by the fields' column names in the
/// dataset's order; written as the summary is (indented by two spaces, "\n" line ends, ending with one "\n"), so the
/// same series always gives the same bytes.
/// </summary>
public static class SeriesJson
{
    public const string ContentType = SummaryJson.ContentType;

    public static byte[] ToUtf8Bytes(SeriesDocument document)
    {
        var cut = Cut(document);
        return [.. cut.Head, .. cut.Pieces.SelectMany(p => p.Content), .. cut.Tail];
    }

    /// <summary>
    /// The body cut as it is written, a piece a quarter (keyed by the quarter, its separator first, as
    /// <see cref="JsonPieces.Cut"/> would cut it): a national series is never one array of 140 MB.
    /// </summary>
    public static PiecedDocument Cut(SeriesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var pieces = new List<DocumentPiece>(document.Quarters.Count);
        using var writer = new Utf8JsonWriter(buffer, SummaryJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("dataset", document.Dataset);
        writer.WriteStartArray("quarters");
        var head = Take(writer, buffer);
        foreach (var quarter in document.Quarters)
        {
            writer.WriteStartObject();
            writer.WriteString("quarter", quarter.Quarter.ToString());
            writer.WriteStartObject("total");
            WriteCounts(writer, document.Fields, quarter.Total);
            writer.WriteEndObject();
            writer.WriteStartArray("areas");
            foreach (var area in quarter.Areas)
            {
                writer.WriteStartObject();
                writer.WriteString("code", area.AreaCode);
                writer.WriteString("name", area.AreaName);
                WriteCounts(writer, document.Fields, area.Counts);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            pieces.Add(new DocumentPiece(quarter.Quarter.ToString(), Take(writer, buffer)));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        buffer.Write("\n"u8);
        return new PiecedDocument(head, pieces, buffer.WrittenSpan.ToArray());
    }

    /// <summary>What the writer has written since the last take; the buffer is then reused.</summary>
    private static byte[] Take(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        writer.Flush();
        var taken = buffer.WrittenSpan.ToArray();
        buffer.ResetWrittenCount();
        return taken;
    }

    /// <summary>Reads a stored series back, its counts by <paramref name="dataset"/>'s field names.</summary>
    /// <exception cref="JsonException">The text is not a series of that dataset.</exception>
    public static SeriesDocument Deserialize(ReadOnlySpan<byte> utf8Json, DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var reader = new Utf8JsonReader(utf8Json);
        using var json = JsonDocument.ParseValue(ref reader);
        var fields = dataset.Fields.Select(f => f.Name).ToList();
        try
        {
            var root = json.RootElement;
            var quarters = root.GetProperty("quarters").EnumerateArray().Select(q => QuarterOf(q, fields)).ToList();
            return new SeriesDocument(root.GetProperty("dataset").GetString()!, fields, quarters);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new JsonException($"Not a series of {dataset.Id}: {e.Message}", e);
        }
    }

    /// <summary>One quarter of a series (an element of its <c>quarters</c>), its counts by <paramref name="fields"/>.</summary>
    /// <exception cref="JsonException">The text is not a quarter of a series with those fields.</exception>
    public static SeriesQuarter ReadQuarter(ReadOnlyMemory<byte> element, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var json = JsonDocument.Parse(element);
        try
        {
            return QuarterOf(json.RootElement, fields);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new JsonException($"Not a quarter of a series: {e.Message}", e);
        }
    }

    private static SeriesQuarter QuarterOf(JsonElement q, IReadOnlyList<string> fields) => new(
        Quarter.TryParse(q.GetProperty("quarter").GetString(), out var quarter) ? quarter : throw new JsonException("'quarter' is malformed."),
        Counts(q.GetProperty("total"), fields),
        [.. q.GetProperty("areas").EnumerateArray().Select(a => new AreaFigures(a.GetProperty("code").GetString()!, a.GetProperty("name").GetString()!, Counts(a, fields)))]);

    private static void WriteCounts(Utf8JsonWriter writer, IReadOnlyList<string> fields, IReadOnlyList<long> counts)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            SummaryJson.WriteCount(writer, fields[i], counts[i]);
        }
    }

    private static long[] Counts(JsonElement owner, IReadOnlyList<string> fields) => [.. fields.Select(f => SummaryJsonReader.Count(owner, f))];
}
