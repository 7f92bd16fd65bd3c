using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Ports;

/// <summary>A computed comparison ready to store, with whether it is its basis' default.</summary>
public sealed record StoredComparison(YearBasis Basis, Period Period, ComparisonStatus Status, byte[] Json, bool IsDefault);
