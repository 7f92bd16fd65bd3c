using Pipeline.Core.Datasets;

namespace Pipeline.Core.Comparisons;

/// <summary>One metric of a comparison, keyed by its id: a <see cref="Count"/> or a <see cref="Rate"/>, never both.</summary>
public sealed record MetricResult(string Id, CountMetric? Count, RateMetric? Rate)
{
    /// <summary>The shorthand a release gives the metric (<c>[p]</c>, <c>[r]</c>); none outside releases.</summary>
    public MetricMarks Marks { get; init; }

    /// <summary>Compares one metric from whole-number sums of the dataset's fields, this year and last.</summary>
    public static MetricResult Compute(DatasetDefinition dataset, DatasetMetric metric, ReadOnlySpan<long> current, ReadOnlySpan<long> previous)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.Rate is { } rate)
        {
            int numerator = dataset.IndexOf(rate.Numerator), denominator = dataset.IndexOf(rate.Denominator);
            return new MetricResult(metric.Id, null, RateMetric.Compute(current[numerator], current[denominator], previous[numerator], previous[denominator]));
        }

        var field = dataset.IndexOf(metric.Count!);
        return new MetricResult(metric.Id, CountMetric.Compute(current[field], previous[field]), null);
    }
}
