using Pipeline.Core.Returns;

namespace Pipeline.Core.Ports;

/// <summary>
/// One processed upload, as the ledger records it. <see cref="SentBy"/> is who sent it (<see cref="UploadSenders"/>;
/// <c>unknown</c> in entries written before it was recorded). <see cref="Version"/> is the blob's ETag in uploads (null
/// in entries written before it was recorded); <see cref="Notice"/> says what is still to happen, such as an upload left
/// waiting because another client holds a lease on it. <see cref="ReportJson"/> is the validation report as served (null when the
/// entry predates reports in the ledger, or the report was too large to keep there).
/// </summary>
public sealed record LedgerEntry(
    string File,
    string Sha256,
    long Size,
    DateTimeOffset UploadedAt,
    DateTimeOffset ProcessedAt,
    UploadStatus Status,
    string? Quarter,
    int Errors,
    int Warnings,
    string StoredAs,
    string SentBy,
    string? Version = null,
    string? Notice = null,
    string? ReportJson = null);
