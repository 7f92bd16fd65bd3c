namespace Pipeline.Core.Status;

/// <summary>A period with a stored comparison: as written (<c>2024</c>, <c>2024/25</c>), its status, and whether it is the basis' default.</summary>
public sealed record StatusPeriod(string Period, string Status, bool IsDefault);
