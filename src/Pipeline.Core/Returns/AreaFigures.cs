using System.Collections.Immutable;

namespace Pipeline.Core.Returns;

/// <summary>
/// One area's figures for one quarter, as a return states them: its count fields in the order its dataset defines them.
/// Two figures are equal when their codes, names and every count are.
/// </summary>
public readonly struct AreaFigures : IEquatable<AreaFigures>
{
    public AreaFigures(string areaCode, string areaName, ImmutableArray<long> counts)
    {
        AreaCode = areaCode;
        AreaName = areaName;
        Counts = counts;
    }

    public AreaFigures(string areaCode, string areaName, params long[] counts)
        : this(areaCode, areaName, ImmutableArray.Create(counts))
    {
    }

    public string AreaCode { get; }

    public string AreaName { get; }

    /// <summary>The counts, one per field of the dataset, in its order.</summary>
    public ImmutableArray<long> Counts { get; }

    public static bool operator ==(AreaFigures left, AreaFigures right) => left.Equals(right);

    public static bool operator !=(AreaFigures left, AreaFigures right) => !left.Equals(right);

    public bool Equals(AreaFigures other) =>
        string.Equals(AreaCode, other.AreaCode, StringComparison.Ordinal) &&
        string.Equals(AreaName, other.AreaName, StringComparison.Ordinal) &&
        Counts.AsSpan().SequenceEqual(other.Counts.AsSpan());

    public override bool Equals(object? obj) => obj is AreaFigures other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(AreaCode, StringComparer.Ordinal);
        foreach (var count in Counts)
        {
            hash.Add(count);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"{AreaCode} {AreaName}: {string.Join(", ", Counts)}";
}
