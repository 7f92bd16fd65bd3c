using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Ports;

/// <summary>A period a basis has a stored comparison for, its status, and whether it is the basis' default.</summary>
public sealed record StoredPeriod(Period Period, ComparisonStatus Status, bool IsDefault);
