using System.Buffers;
using System.Text;
using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Series;

/// <summary>
/// A large series kept by area as well as by quarter, so that one area's series is one small read: every quarter's
/// totals (<c>[["2024-Q3",[n, ...]], ...]</c>, kept in the series' index), and runs of areas in code order, each area
/// with its counts in every quarter it is in (<c>{"areas":[{"code","name","q":[[i, n, ...], ...]}]}</c>, <c>i</c> the
/// quarter's place in the totals; a quarter whose return named the area otherwise carries that name last).
/// </summary>
public static class SeriesShards
{
    /// <summary>Every quarter's totals, in the series' order.</summary>
    public static string Totals(SeriesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = SummaryJson.WriterOptions.Encoder }))
        {
            writer.WriteStartArray();
            foreach (var quarter in document.Quarters)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(quarter.Quarter.ToString());
                writer.WriteStartArray();
                WriteCounts(writer, quarter.Total);
                writer.WriteEndArray();
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>The series by area: runs of <paramref name="areasPerShard"/> areas in code order, keyed by their first code.</summary>
    public static IReadOnlyList<DocumentPiece> Build(SeriesDocument document, int areasPerShard)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(areasPerShard, 1);
        // Gathered in a hash table and put in code order once: a national series is 800,000 entries of 10,000 areas.
        var byArea = new Dictionary<string, List<(int Quarter, AreaFigures Figures)>>(StringComparer.Ordinal);
        for (var i = 0; i < document.Quarters.Count; i++)
        {
            foreach (var area in document.Quarters[i].Areas)
            {
                if (!byArea.TryGetValue(area.AreaCode, out var entries))
                {
                    byArea[area.AreaCode] = entries = [];
                }

                entries.Add((i, area));
            }
        }

        return [.. byArea.OrderBy(a => a.Key, StringComparer.Ordinal).Chunk(areasPerShard).Select(run => new DocumentPiece(run[0].Key, Shard(run)))];
    }

    /// <summary>
    /// The series as <see cref="SeriesDocument.ForArea"/> gives it, from the totals and the shard that holds
    /// <paramref name="code"/>; null when the shard does not have it.
    /// </summary>
    public static SeriesDocument? ForArea(string dataset, IReadOnlyList<string> fields, string totals, ReadOnlySpan<byte> shard, string code)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var quarters = TotalsOf(totals);
        var reader = new Utf8JsonReader(shard);
        using var json = JsonDocument.ParseValue(ref reader);
        foreach (var area in json.RootElement.GetProperty("areas").EnumerateArray())
        {
            if (area.GetProperty("code").GetString() != code)
            {
                continue;
            }

            var name = area.GetProperty("name").GetString()!;
            var figures = new Dictionary<int, AreaFigures>();
            foreach (var entry in area.GetProperty("q").EnumerateArray())
            {
                var counts = Enumerable.Range(1, fields.Count).Select(i => entry[i].GetInt64()).ToArray();
                var named = entry.GetArrayLength() > fields.Count + 1 ? entry[fields.Count + 1].GetString()! : name;
                figures[entry[0].GetInt32()] = new AreaFigures(code, named, counts);
            }

            return new SeriesDocument(dataset, fields, [.. quarters.Select((q, i) => new SeriesQuarter(
                q.Quarter, q.Total, figures.TryGetValue(i, out var f) ? [f] : []))]);
        }

        return null;
    }

    /// <summary>Every quarter with its totals and no area's figures: what a page charts for all areas together.</summary>
    public static SeriesDocument TotalsOnly(string dataset, IReadOnlyList<string> fields, string totals) =>
        new(dataset, fields, [.. TotalsOf(totals).Select(q => new SeriesQuarter(q.Quarter, q.Total, []))]);

    private static List<(Quarter Quarter, IReadOnlyList<long> Total)> TotalsOf(string totals)
    {
        using var json = JsonDocument.Parse(totals);
        return [.. json.RootElement.EnumerateArray().Select(q => (
            Quarter: Quarter.TryParse(q[0].GetString(), out var quarter) ? quarter : throw new JsonException("A quarter of the totals is malformed."),
            Total: (IReadOnlyList<long>)[.. q[1].EnumerateArray().Select(n => n.GetInt64())]))];
    }

    private static byte[] Shard(KeyValuePair<string, List<(int Quarter, AreaFigures Figures)>>[] run)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = SummaryJson.WriterOptions.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("areas");
            foreach (var (code, entries) in run)
            {
                // The name most quarters give is the area's; a quarter that gives another carries its own.
                var name = entries.GroupBy(e => e.Figures.AreaName, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
                writer.WriteStartObject();
                writer.WriteString("code", code);
                writer.WriteString("name", name);
                writer.WriteStartArray("q");
                foreach (var (quarter, figures) in entries)
                {
                    writer.WriteStartArray();
                    writer.WriteNumberValue(quarter);
                    WriteCounts(writer, figures.Counts);
                    if (figures.AreaName != name)
                    {
                        writer.WriteStringValue(figures.AreaName);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private static void WriteCounts(Utf8JsonWriter writer, IEnumerable<long> counts)
    {
        foreach (var count in counts)
        {
            writer.WriteNumberValue(count);
        }
    }
}
