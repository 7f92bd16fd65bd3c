using Pipeline.Core.Calendar;

namespace Pipeline.Core.Ports;

/// <summary>A stored summary document: its JSON exactly as served, and the period it is for.</summary>
public sealed record StoredSummary(Period Period, byte[] Json);
