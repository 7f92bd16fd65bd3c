using Pipeline.Core.Datasets;

namespace Pipeline.Core.Series;

public sealed partial class SeriesService
{
    /// <summary>
    /// What a page shows of the series: every quarter's totals, and with <paramref name="area"/> that area's figures
    /// beside them (<see cref="SeriesDocument.ForArea"/>), read as cheaply as the series is kept: for a large series, its
    /// index alone, or its index and one run of areas. Null before the first recalculation, or when no quarter has the
    /// area. <c>Sha256</c> is the whole series' hash, which changes whenever any figure of it does.
    /// </summary>
    public async Task<(SeriesDocument Document, string Sha256)?> ViewAsync(DatasetDefinition dataset, string? area, CancellationToken cancellationToken = default) =>
        await ViewAsync(dataset, area, dataset?.Id!, cancellationToken);

    /// <summary><see cref="ViewAsync(DatasetDefinition, string?, CancellationToken)"/> of the series stored under <paramref name="key"/> (a release's).</summary>
    public async Task<(SeriesDocument Document, string Sha256)?> ViewAsync(DatasetDefinition dataset, string? area, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (await ReadAsync(key, cancellationToken) is not { } stored)
        {
            return null;
        }

        SeriesDocument? view;
        if (stored.Index is { } index)
        {
            view = area is null ? SeriesShards.TotalsOnly(dataset.Id, [.. dataset.Fields.Select(f => f.Name)], index.Totals)
                : await AreaFromPiecesAsync(dataset, index, area, cancellationToken);
        }
        else
        {
            var whole = SeriesJson.Deserialize(stored.Json, dataset);
            view = area is null ? whole with { Quarters = [.. whole.Quarters.Select(q => q with { Areas = [] })] } : whole.ForArea(area);
        }

        return view is null ? null : (view, stored.Sha256);
    }
}
