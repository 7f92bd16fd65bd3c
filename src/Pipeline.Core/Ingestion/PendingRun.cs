namespace Pipeline.Core.Ingestion;

/// <summary>What one pass over the uploads waiting came to: every outcome reached, and every failure on the way.</summary>
public sealed record PendingRun(IReadOnlyList<UploadOutcome> Outcomes, IReadOnlyList<UploadFailure> Failures)
{
    /// <summary>Set when the run stopped because storage could not be reached; the outcomes and failures are those before it.</summary>
    public StorageOutage? Outage { get; init; }
}
