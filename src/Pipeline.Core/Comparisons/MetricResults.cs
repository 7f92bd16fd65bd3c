namespace Pipeline.Core.Comparisons;

/// <summary>Looks a metric up by id in a comparison's list.</summary>
public static class MetricResults
{
    /// <exception cref="KeyNotFoundException">No metric has that id.</exception>
    public static MetricResult Get(this IReadOnlyList<MetricResult> metrics, string id)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var metric in metrics)
        {
            if (string.Equals(metric.Id, id, StringComparison.Ordinal))
            {
                return metric;
            }
        }

        throw new KeyNotFoundException($"There is no metric '{id}'.");
    }
}
