namespace Pipeline.Core.Comparisons;

/// <summary>One area's comparison of this year against last year: its dataset's metrics, in definition order.</summary>
public sealed record AreaComparison(string Code, string Name, IReadOnlyList<MetricResult> Metrics)
{
    /// <summary>Equal when every field and every metric, in order, is equal.</summary>
    public bool Equals(AreaComparison? other) =>
        other is not null &&
        string.Equals(Code, other.Code, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal) &&
        Metrics.SequenceEqual(other.Metrics);

    public override int GetHashCode() => HashCode.Combine(Code, Metrics.Count);
}
