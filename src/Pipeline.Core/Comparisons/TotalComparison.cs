namespace Pipeline.Core.Comparisons;

/// <summary>
/// The comparison for all areas together: the same metrics as <see cref="AreaComparison"/>, computed from the summed
/// whole numbers (never from the areas' rounded figures).
/// </summary>
public sealed record TotalComparison(IReadOnlyList<MetricResult> Metrics)
{
    /// <summary>Equal when every field and every metric, in order, is equal.</summary>
    public bool Equals(TotalComparison? other) =>
        other is not null &&
        Metrics.SequenceEqual(other.Metrics);

    public override int GetHashCode() => HashCode.Combine(Metrics.Count);
}
