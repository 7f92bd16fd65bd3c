using System.Runtime.InteropServices;
using System.Text.Json;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Storage;

/// <summary>
/// A quarter's accepted figures as the JSON kept in the documents container: what they are
/// (<c>dataset</c>, <c>quarter</c>, the accepted file's <c>sha256</c>), the count fields once (<c>fields</c>), then
/// one entry per area, <c>{"code", "name", "counts": [n, …]}</c>, its counts in that order. About 60 bytes an area.
/// </summary>
internal static class FiguresDocument
{
    public static byte[] Write(AcceptedQuarter quarter, DatasetDefinition dataset)
    {
        using var buffer = new MemoryStream(64 + (quarter.Areas.Count * 64));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("dataset", quarter.Dataset);
            json.WriteString("quarter", quarter.Quarter.ToString());
            json.WriteString("sha256", quarter.Sha256);
            json.WriteStartArray("fields");
            foreach (var field in dataset.Fields)
            {
                json.WriteStringValue(field.Name);
            }

            json.WriteEndArray();
            json.WriteStartArray("areas");
            foreach (var area in quarter.Areas)
            {
                json.WriteStartObject();
                json.WriteString("code", area.AreaCode);
                json.WriteString("name", area.AreaName);
                json.WriteStartArray("counts");
                foreach (var count in area.Counts)
                {
                    json.WriteNumberValue(count);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The areas of <paramref name="content"/>, checked to be the figures <paramref name="record"/> points to; each code
    /// and name passed through <paramref name="share"/>.
    /// </summary>
    public static IReadOnlyList<AreaFigures> Read(byte[] content, AcceptedQuarterRecord record, DatasetDefinition dataset, string name, Func<string, string> share)
    {
        using var json = JsonDocument.Parse(content);
        var root = json.RootElement;
        if (root.GetProperty("dataset").GetString() != record.Dataset ||
            root.GetProperty("quarter").GetString() != record.Quarter.ToString() ||
            root.GetProperty("sha256").GetString() != record.Sha256)
        {
            throw new InvalidDataException($"The figures in {name} are not those of {record.Dataset} {record.Quarter} ({record.File}).");
        }

        // The stored order of the fields, mapped to the definition's order (a definition may list them differently now).
        var stored = root.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToList();
        var positions = dataset.Fields.Select(f => stored.IndexOf(f.Name)).ToArray();
        if (Array.IndexOf(positions, -1) is var missing and >= 0)
        {
            throw new InvalidDataException($"The figures in {name} have no field {dataset.Fields[missing].Name}.");
        }

        var areas = new List<AreaFigures>(record.AreaCount);
        foreach (var area in root.GetProperty("areas").EnumerateArray())
        {
            var values = area.GetProperty("counts");
            var counts = new long[positions.Length];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = values[positions[i]].GetInt64();
            }

            areas.Add(new AreaFigures(share(area.GetProperty("code").GetString()!), share(area.GetProperty("name").GetString()!), ImmutableCollectionsMarshal.AsImmutableArray(counts)));
        }

        return areas;
    }
}
