using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Storage;

/// <summary>
/// Reads figures kept inline in a quarter's entity, as they were before the documents container: a JSON array of
/// <c>{"code", "name", "counts": {field: n}}</c>, or, before datasets, <c>{"code", "name", "offences", "knifeOffences", …}</c>.
/// </summary>
internal static class InlineFigures
{
    public static IReadOnlyList<AreaFigures> Read(string text, DatasetDefinition dataset)
    {
        using var json = JsonDocument.Parse(text);
        var areas = new List<AreaFigures>();
        foreach (var row in json.RootElement.EnumerateArray())
        {
            var counts = new long[dataset.Fields.Count];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = row.TryGetProperty("counts", out var byName)
                    ? byName.GetProperty(dataset.Fields[i].Name).GetInt64()
                    : row.GetProperty(CamelCase(dataset.Fields[i].Name)).GetInt64();
            }

            areas.Add(new AreaFigures(row.GetProperty("code").GetString()!, row.GetProperty("name").GetString()!, ImmutableArray.Create(counts)));
        }

        return areas;
    }

    /// <summary><c>knife_offences</c> becomes <c>KnifeOffences</c>.</summary>
    public static string PascalCase(string field) =>
        string.Concat(field.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary><c>knife_offences</c> becomes <c>knifeOffences</c>.</summary>
    private static string CamelCase(string field)
    {
        var pascal = PascalCase(field);
        return char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }
}
