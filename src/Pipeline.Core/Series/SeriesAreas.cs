using System.Text.Json;

namespace Pipeline.Core.Series;

/// <summary>One area's figures in every quarter of a series: <see cref="ByQuarter"/> has one entry per quarter of the series, null where the quarter has no figures for the area.</summary>
public sealed record AreaSeries(string Code, string Name, IReadOnlyList<IReadOnlyList<long>?> ByQuarter);

/// <summary>
/// A series read area by area, for a table with a row per area and a column per quarter: every quarter's totals
/// (<see cref="Totals"/>, whose quarters have no areas), the whole series' hash, and <see cref="Areas"/>, which reads
/// the areas in code order a run at a time each time it is enumerated, so that a national series is never held whole.
/// An area's name is the one most of its quarters give.
/// </summary>
public sealed record SeriesAreas(SeriesDocument Totals, string Sha256, Func<CancellationToken, IAsyncEnumerable<AreaSeries>> Areas)
{
    /// <summary>The areas of one run (<see cref="SeriesShards"/>' format), those of <paramref name="only"/> if given.</summary>
    internal static IEnumerable<AreaSeries> FromShard(byte[] shard, int quarters, int fields, string? only)
    {
        using var json = JsonDocument.Parse(shard);
        var areas = new List<AreaSeries>();
        foreach (var area in json.RootElement.GetProperty("areas").EnumerateArray())
        {
            var code = area.GetProperty("code").GetString()!;
            if (only is not null && code != only)
            {
                continue;
            }

            var byQuarter = new IReadOnlyList<long>?[quarters];
            foreach (var entry in area.GetProperty("q").EnumerateArray())
            {
                byQuarter[entry[0].GetInt32()] = [.. Enumerable.Range(1, fields).Select(i => entry[i].GetInt64())];
            }

            areas.Add(new AreaSeries(code, area.GetProperty("name").GetString()!, byQuarter));
        }

        return areas;
    }
}
