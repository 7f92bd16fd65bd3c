namespace Pipeline.Core.Summaries;

/// <summary>A rejected upload as the ledger records it, with the first errors of the report kept beside it.</summary>
public sealed record StatusRejection(
    string File,
    DateTimeOffset ProcessedAt,
    string? Quarter,
    int Errors,
    string StoredAs,
    IReadOnlyList<StatusIssue> FirstErrors);
