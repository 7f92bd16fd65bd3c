using System.Buffers;
using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
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
        ArgumentNullException.ThrowIfNull(document);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, SummaryJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("dataset", document.Dataset);
            writer.WriteStartArray("quarters");
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
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
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
            var quarters = root.GetProperty("quarters").EnumerateArray().Select(q => new SeriesQuarter(
                Quarter.TryParse(q.GetProperty("quarter").GetString(), out var quarter) ? quarter : throw new JsonException("'quarter' is malformed."),
                Counts(q.GetProperty("total"), fields),
                [.. q.GetProperty("areas").EnumerateArray().Select(a => new AreaFigures(
                    a.GetProperty("code").GetString()!, a.GetProperty("name").GetString()!, Counts(a, fields)))]))
                .ToList();
            return new SeriesDocument(root.GetProperty("dataset").GetString()!, fields, quarters);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new JsonException($"Not a series of {dataset.Id}: {e.Message}", e);
        }
    }

    private static void WriteCounts(Utf8JsonWriter writer, IReadOnlyList<string> fields, IReadOnlyList<long> counts)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            writer.WriteNumber(fields[i], counts[i]);
        }
    }

    private static long[] Counts(JsonElement owner, List<string> fields) => [.. fields.Select(f => owner.GetProperty(f).GetInt64())];
}
