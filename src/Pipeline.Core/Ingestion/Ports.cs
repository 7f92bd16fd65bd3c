using Pipeline.Core.Returns;

namespace Pipeline.Core.Ingestion;

/// <summary>An upload opened for reading: its bytes and what storage knows about it.</summary>
public sealed class OpenedUpload(string name, Stream content, long length, DateTimeOffset uploadedAt, string version) : IAsyncDisposable
{
    public string Name { get; } = name;

    public Stream Content { get; } = content;

    public long Length { get; } = length;

    /// <summary>When the blob was created in the uploads container; orders corrections of one quarter.</summary>
    public DateTimeOffset UploadedAt { get; } = uploadedAt;

    /// <summary>The blob's ETag: every later step acts on exactly this version of the blob, or not at all.</summary>
    public string Version { get; } = version;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

public enum Disposition
{
    Accepted,
    Rejected,
}

/// <summary>The containers uploads arrive in and are kept in.</summary>
public interface IUploadStore
{
    /// <summary>The names of the blobs waiting in the uploads container.</summary>
    IAsyncEnumerable<string> ListPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a file into the uploads container (the CLI's ingest). Returns its version.</summary>
    Task UploadAsync(string name, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens a waiting upload; null when it is no longer there (already processed, or never was).</summary>
    Task<OpenedUpload?> OpenAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies exactly <paramref name="upload"/>'s version into the accepted or rejected container under its own name
    /// (or, when that name already holds different bytes, a name made unique by the hash) and returns the name used.
    /// Calling it again for the same upload finds the copy already there and returns the same name.
    /// </summary>
    Task<string> PreserveAsync(OpenedUpload upload, string sha256, Disposition disposition, CancellationToken cancellationToken = default);

    /// <summary>Writes the validation report beside a rejected file, as <c>&lt;name&gt;.report.json</c>.</summary>
    Task WriteReportAsync(string rejectedName, string reportJson, CancellationToken cancellationToken = default);

    /// <summary>Deletes the upload only if it is still the version that was processed. False when it had changed.</summary>
    Task<bool> DeleteAsync(OpenedUpload upload, CancellationToken cancellationToken = default);
}

/// <summary>The version of a quarter's accepted figures that a replacement is conditional on.</summary>
public sealed record AcceptedQuarterVersion(AcceptedQuarter Quarter, string ConcurrencyToken);

/// <summary>The accepted figures, one version per quarter.</summary>
public interface IAcceptedQuarterStore
{
    Task<AcceptedQuarterVersion?> GetAsync(Quarter quarter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="next"/> the quarter's figures in one atomic write, provided the current version is still
    /// <paramref name="expected"/> (null: no figures yet). False when another writer got there first.
    /// </summary>
    Task<bool> TryReplaceAsync(AcceptedQuarter next, AcceptedQuarterVersion? expected, CancellationToken cancellationToken = default);

    /// <summary>Every accepted quarter, in quarter order.</summary>
    Task<IReadOnlyList<AcceptedQuarter>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>One processed upload, as the ledger records it.</summary>
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
    string StoredAs);

/// <summary>Every outcome, with the file's sha256 and time.</summary>
public interface IUploadLedger
{
    Task RecordAsync(LedgerEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LedgerEntry>> ListAsync(CancellationToken cancellationToken = default);
}
