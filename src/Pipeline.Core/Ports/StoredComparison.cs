using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Ports;

/// <summary>
/// A computed comparison ready to store, with whether it is its basis' default, and <paramref name="InputKey"/>: a hash
/// of everything the document's figures depend on (the calculation, the dataset's definition and areas, the accepted
/// files behind it). A store may keep a stored document whose key is the same, computedAt and all, instead of
/// writing this one: its figures are the same. The JSON is made when first asked for, so a document kept costs no
/// serialising (a national one is about 6 MB).
/// </summary>
public sealed record StoredComparison(YearBasis Basis, Period Period, ComparisonStatus Status, Lazy<byte[]> Document, bool IsDefault, string? InputKey = null)
{
    /// <summary>The document's JSON exactly as served.</summary>
    public byte[] Json => Document.Value;
}
