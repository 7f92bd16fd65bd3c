namespace Pipeline.Core.Status;

/// <summary>A rejected upload as the ledger records it (who sent it too), with the first errors of the report kept beside it.</summary>
public sealed record StatusRejection(
    string File,
    DateTimeOffset ProcessedAt,
    string? Quarter,
    int Errors,
    string StoredAs,
    string SentBy,
    IReadOnlyList<StatusIssue> FirstErrors);
