using System.Runtime.CompilerServices;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;

namespace Pipeline.Core.Series;

public sealed partial class SeriesService
{
    /// <summary>
    /// The series of <paramref name="dataset"/> area by area (the spreadsheet's tables), every area's or only
    /// <paramref name="area"/>'s; null before the first recalculation. A large series is read from its runs of areas,
    /// one at a time (only the one that holds <paramref name="area"/> when given); a small one is cut into runs as a
    /// large one is kept, so both read the same way.
    /// </summary>
    public Task<SeriesAreas?> ByAreaAsync(DatasetDefinition dataset, string? area, CancellationToken cancellationToken = default) =>
        ByAreaAsync(dataset, area, dataset?.Id!, cancellationToken);

    /// <summary>As <see cref="ByAreaAsync(DatasetDefinition, string?, CancellationToken)"/>, from the documents stored under <paramref name="key"/> (a release's).</summary>
    public async Task<SeriesAreas?> ByAreaAsync(DatasetDefinition dataset, string? area, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (await ReadAsync(key, cancellationToken) is not { } stored)
        {
            return null;
        }

        var fields = dataset.Fields.Select(f => f.Name).ToList();
        if (stored.Index is { } index)
        {
            var totals = SeriesShards.TotalsOnly(dataset.Id, fields, index.Totals);
            var runs = area is null ? index.AreaShards
                : PieceRef.Holding(index.AreaShards, area) is var holder and >= 0 ? [index.AreaShards[holder]] : [];
            return new SeriesAreas(totals, stored.Sha256, token => FromRunsAsync(runs, totals.Quarters.Count, fields.Count, area, token));
        }

        var whole = SeriesJson.Deserialize(stored.Json, dataset);
        var shards = SeriesShards.Build(whole, AreasPerRun);
        return new SeriesAreas(
            whole with { Quarters = [.. whole.Quarters.Select(q => q with { Areas = [] })] },
            stored.Sha256,
            token => shards.SelectMany(s => SeriesAreas.FromShard(s.Content, whole.Quarters.Count, fields.Count, area)).ToAsyncEnumerable());
    }

    /// <summary>How many areas a small series' runs hold when it is read by area (a large one's are as stored).</summary>
    private const int AreasPerRun = 250;

    private async IAsyncEnumerable<AreaSeries> FromRunsAsync(
        IReadOnlyList<PieceRef> runs, int quarters, int fields, string? area, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Task<byte[]>? next = runs.Count > 0 ? store.ReadPieceAsync(runs[0].Name, cancellationToken) : null;
        for (var i = 0; i < runs.Count; i++)
        {
            var run = await next!;
            next = i + 1 < runs.Count ? store.ReadPieceAsync(runs[i + 1].Name, cancellationToken) : null;
            foreach (var found in SeriesAreas.FromShard(run, quarters, fields, area))
            {
                yield return found;
            }
        }
    }
}
