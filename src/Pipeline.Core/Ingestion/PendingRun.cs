namespace Pipeline.Core.Ingestion;

/// <summary>One upload that could not be processed: its name (null when the uploads could not even be listed) and why.</summary>
public sealed record UploadFailure(string? File, string Message);

/// <summary>What one pass over the uploads waiting came to: every outcome reached, and every failure on the way.</summary>
public sealed record PendingRun(IReadOnlyList<UploadOutcome> Outcomes, IReadOnlyList<UploadFailure> Failures);
