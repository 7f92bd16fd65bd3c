using Pipeline.Core.Datasets;

namespace Pipeline.Core.Comparisons;

/// <summary>
/// One metric of a comparison, keyed by its id: a <see cref="Count"/>, a <see cref="Rate"/> or a rate
/// <see cref="PerPopulation"/>, exactly one of them.
/// </summary>
public sealed record MetricResult(string Id, CountMetric? Count, RateMetric? Rate, PopulationRateMetric? PerPopulation = null)
{
    /// <summary>Compares one metric from whole-number sums of the dataset's fields, this year and last.</summary>
    /// <param name="dataset">Whose fields the sums follow.</param>
    /// <param name="metric">The metric compared.</param>
    /// <param name="current">This period's sums, one per field.</param>
    /// <param name="previous">The previous period's sums.</param>
    /// <param name="populations">The people behind a <c>perPopulation</c> metric, for the area or total compared; a
    /// metric without them gets null rates and a note.</param>
    public static MetricResult Compute(
        DatasetDefinition dataset,
        DatasetMetric metric,
        ReadOnlySpan<long> current,
        ReadOnlySpan<long> previous,
        PopulationPair? populations = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.Rate is { } rate)
        {
            int numerator = dataset.IndexOf(rate.Numerator), denominator = dataset.IndexOf(rate.Denominator);
            return new MetricResult(metric.Id, null, RateMetric.Compute(current[numerator], current[denominator], previous[numerator], previous[denominator]));
        }

        if (metric.PerPopulation is { } perPopulation)
        {
            var counted = dataset.IndexOf(perPopulation.Count);
            var pair = populations ?? PopulationPair.None("There is no population for it.");
            return new MetricResult(metric.Id, null, null, PopulationRateMetric.Compute(current[counted], previous[counted], perPopulation.Per, pair));
        }

        var field = dataset.IndexOf(metric.Count!);
        return new MetricResult(metric.Id, CountMetric.Compute(current[field], previous[field]), null);
    }
}
