using Pipeline.Core.Calendar;

namespace Pipeline.Core.Ports;

/// <summary>A computed comparison ready to store, with whether it is its basis' default.</summary>
public sealed record StoredComparison(YearBasis Basis, Period Period, string Status, byte[] Json, bool IsDefault);
