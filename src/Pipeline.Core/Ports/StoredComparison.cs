using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Ports;

/// <summary>
/// A computed comparison ready to store, with whether it is its basis' default, and <paramref name="InputKey"/>: a hash
/// of everything the document's figures depend on (the calculation, the dataset's definition and areas, the accepted
/// files behind it). A store may keep a stored document whose key is the same, computedAt and all, instead of
/// writing this one: its figures are the same.
/// </summary>
public sealed record StoredComparison(YearBasis Basis, Period Period, ComparisonStatus Status, byte[] Json, bool IsDefault, string? InputKey = null);
