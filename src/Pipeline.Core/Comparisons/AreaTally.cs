using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Comparisons;

/// <summary>Whole-number sums of every field for one area (or the total); an area absent from a quarter adds nothing there.</summary>
internal sealed class AreaTally(string latestName, int fields)
{
    private readonly long[] current = new long[fields];
    private readonly long[] previous = new long[fields];

    public string LatestName { get; set; } = latestName;

    /// <summary>Every metric of the dataset from these sums; <paramref name="populations"/> gives a perPopulation metric its people.</summary>
    public IReadOnlyList<MetricResult> Metrics(DatasetDefinition dataset, Func<DatasetMetric, PopulationPair?> populations) =>
        [.. dataset.Metrics.Select(m => MetricResult.Compute(dataset, m, current, previous, m.PerPopulation is null ? null : populations(m)))];

    public void Add(AreaFigures figures, bool isCurrent)
    {
        var sums = isCurrent ? current : previous;
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] = checked(sums[i] + figures.Counts[i]);
        }
    }

    public void Add(AreaTally other)
    {
        for (var i = 0; i < current.Length; i++)
        {
            current[i] = checked(current[i] + other.current[i]);
            previous[i] = checked(previous[i] + other.previous[i]);
        }
    }
}
