using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Ports;

/// <summary>
/// A computed comparison ready to store, with whether it is its basis' default, and <paramref name="InputKey"/>: a hash
/// of everything the document's figures depend on (the calculation, the dataset's definition and areas, the accepted
/// files behind it). A store may keep a stored document whose key is the same, computedAt and all, instead of
/// writing this one: its figures are the same. The JSON is made when asked for, and not kept, so a document kept costs
/// no serialising and a store writing a hundred national documents (about 6 MB each) holds one at a time.
/// <paramref name="Pieces"/>, when given, makes the same JSON cut as it is written into runs of the number of areas a
/// store asks for (<c>SummaryJson.Cut</c>: what <see cref="JsonPieces.Cut"/> would give), so a store that keeps large
/// documents in pieces need neither hold the whole body nor read it again to cut it.
/// </summary>
public sealed record StoredComparison(
    YearBasis Basis, Period Period, ComparisonStatus Status, Func<byte[]> Document, bool IsDefault, string? InputKey = null, Func<int, PiecedDocument>? Pieces = null)
{
    /// <summary>The document's JSON exactly as served, made anew at each call.</summary>
    public byte[] ToJson() => Document();
}
