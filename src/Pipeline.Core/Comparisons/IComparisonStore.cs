namespace Pipeline.Core.Comparisons;

/// <summary>A stored summary document: its JSON exactly as served, and the period it is for.</summary>
public sealed record StoredSummary(Period Period, byte[] Json);

/// <summary>Where the annual comparisons are kept: one precomputed summary document per basis and period.</summary>
public interface IComparisonStore
{
    /// <summary>The fingerprint of the inputs the stored comparisons were computed from; null before the first recalc.</summary>
    Task<string?> GetInputFingerprintAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes every document (each period's in one atomic write), the default document of each basis, and then the
    /// <paramref name="inputFingerprint"/> that says what they were computed from.
    /// </summary>
    Task WriteAsync(IReadOnlyList<StoredComparison> comparisons, string inputFingerprint, CancellationToken cancellationToken = default);

    /// <summary>One period's document (<paramref name="period"/> given) or the basis' default one (null); null if none.</summary>
    Task<StoredSummary?> GetAsync(YearBasis basis, Period? period, CancellationToken cancellationToken = default);
}

/// <summary>A computed comparison ready to store, with whether it is its basis' default.</summary>
public sealed record StoredComparison(YearBasis Basis, Period Period, string Status, byte[] Json, bool IsDefault);
