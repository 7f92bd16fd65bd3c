namespace Pipeline.Core.Recalculation;

/// <summary>What a recalculation did.</summary>
public sealed record RecalculationResult(bool Recomputed, int Quarters, int Comparisons, string InputFingerprint, DateTimeOffset At);
