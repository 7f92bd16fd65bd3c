using Pipeline.Core.Returns;

namespace Pipeline.Core.Ports;

/// <summary>The version of a quarter's accepted figures that a replacement is conditional on.</summary>
public sealed record AcceptedQuarterVersion(AcceptedQuarterRecord Quarter, string ConcurrencyToken);
