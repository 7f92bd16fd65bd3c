namespace Pipeline.Core.Series;

/// <summary>
/// Every accepted quarter's figures of one dataset, oldest first (docs/contract.md section 7, <c>GET /api/series</c>):
/// computed by <see cref="SeriesCalculator"/> at recalculation, written by <see cref="SeriesJson"/> and
/// <see cref="SeriesCsv"/>. <see cref="Fields"/> are the dataset's field names, the order of every quarter's counts.
/// </summary>
public sealed record SeriesDocument(string Dataset, IReadOnlyList<string> Fields, IReadOnlyList<SeriesQuarter> Quarters)
{
    /// <summary>
    /// This series with each quarter's areas holding only <paramref name="code"/> (the totals stay those of all areas);
    /// null when no quarter has that area.
    /// </summary>
    public SeriesDocument? ForArea(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var quarters = Quarters
            .Select(q => q with { Areas = [.. q.Areas.Where(a => string.Equals(a.AreaCode, code, StringComparison.Ordinal))] })
            .ToList();
        return quarters.Any(q => q.Areas.Count > 0) ? this with { Quarters = quarters } : null;
    }
}
