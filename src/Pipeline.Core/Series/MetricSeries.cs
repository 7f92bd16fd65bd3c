using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Series;

/// <summary>A metric quarter by quarter from the series, for one area or the total: what the dashboard's charts draw.</summary>
public static class MetricSeries
{
    /// <summary>
    /// Each quarter of <paramref name="series"/>, oldest first: a count metric's field, or a rate metric's rate (100 x
    /// numerator / denominator, rounded once to 2 decimals as the comparison's are; null when the denominator is 0). A
    /// quarter without the area is null, and so is every quarter of a rate per population (compared by year only).
    /// </summary>
    public static IReadOnlyList<MetricPoint> Of(DatasetDefinition dataset, DatasetMetric metric, SeriesDocument series, string? area)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(series);
        var points = new List<MetricPoint>(series.Quarters.Count);
        foreach (var quarter in series.Quarters)
        {
            IReadOnlyList<long>? counts = area is null ? quarter.Total
                : quarter.Areas.FirstOrDefault(a => string.Equals(a.AreaCode, area, StringComparison.Ordinal)) is { AreaCode: not null } found ? found.Counts
                : null;
            points.Add(counts is null ? new MetricPoint(quarter.Quarter, null) : Point(dataset, metric, quarter.Quarter, counts));
        }

        return points;
    }

    /// <summary>
    /// A withheld count, or a rate on one, has no value and the dataset's symbol as its note. A rate on counts the series
    /// publishes rounded is not published at all: a rate is worked out from the exact counts, which the series does not
    /// show (docs/method.md).
    /// </summary>
    private static MetricPoint Point(DatasetDefinition dataset, DatasetMetric metric, Quarter quarter, IReadOnlyList<long> counts)
    {
        string[] fields = metric.Rate is { } r ? [r.Numerator, r.Denominator] : [metric.Count!];
        if (fields.Any(f => Withheld.Is(counts[dataset.IndexOf(f)])))
        {
            return new MetricPoint(quarter, null, Withheld.SymbolOf(dataset));
        }

        return metric.Rate is not null && dataset.Disclosure?.RoundTo is > 1
            ? new MetricPoint(quarter, null, NotPublished)
            : new MetricPoint(quarter, Value(dataset, metric, counts));
    }

    /// <summary>What a quarter's rate on rounded counts says instead of a value.</summary>
    public const string NotPublished = "Not published";

    private static decimal? Value(DatasetDefinition dataset, DatasetMetric metric, IReadOnlyList<long> counts)
    {
        if (metric.Rate is { } rate)
        {
            long numerator = counts[dataset.IndexOf(rate.Numerator)], denominator = counts[dataset.IndexOf(rate.Denominator)];
            return RateMetric.Compute(numerator, denominator, numerator, denominator).Current;
        }

        // A rate per population is compared by year, over a year's estimate of the people: it has no quarterly series.
        return metric.Count is { } count ? counts[dataset.IndexOf(count)] : null;
    }
}
