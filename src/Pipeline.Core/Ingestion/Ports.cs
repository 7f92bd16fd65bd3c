using Pipeline.Core.Returns;

namespace Pipeline.Core.Ingestion;

/// <summary>An upload opened for reading: its bytes and what storage knows about it.</summary>
public sealed class OpenedUpload(string name, Stream content, long length, DateTimeOffset uploadedAt, string version, bool leased = false) : IAsyncDisposable
{
    public string Name { get; } = name;

    public Stream Content { get; } = content;

    public long Length { get; } = length;

    /// <summary>When the blob was created in the uploads container; orders corrections of one quarter.</summary>
    public DateTimeOffset UploadedAt { get; } = uploadedAt;

    /// <summary>The blob's ETag: every later step acts on exactly this version of the blob, or not at all.</summary>
    public string Version { get; } = version;

    /// <summary>Another client holds a lease on the blob, so it cannot be deleted until the lease is released.</summary>
    public bool Leased { get; } = leased;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

public enum Disposition
{
    Accepted,
    Rejected,
}

/// <summary>Where an upload was kept: the container, its name there, and its report's name there if it has one.</summary>
public sealed record PreservedUpload(string Container, string StoredAs, string? ReportName);

/// <summary>What became of the attempt to remove a processed upload from the uploads container.</summary>
public enum UploadRemoval
{
    /// <summary>Removed (or already gone).</summary>
    Removed,

    /// <summary>A newer version was written under the name meanwhile; it is left for its own run.</summary>
    Changed,

    /// <summary>Another client holds a lease on the blob: it stays in uploads until the lease is released.</summary>
    Leased,
}

/// <summary>The upload was replaced after it was validated, so its copy was refused: the copy is only ever of that version.</summary>
public sealed class UploadChangedException(string name)
    : Exception($"The upload '{name}' was replaced while it was processed; the new version is processed on its own.")
{
    public string Name { get; } = name;
}

/// <summary>
/// A blob name that the storage client cannot address as itself: a <c>.</c> or <c>..</c> path segment, for example, is
/// resolved away by the URL, so <c>../accepted/x.csv</c> would address another container. Such a blob is never touched.
/// </summary>
public sealed class UploadNameException(string name, string reason)
    : Exception($"The blob name '{name}' cannot be processed: {reason} Rename or remove it with another storage tool.")
{
    public string Name { get; } = name;
}

/// <summary>The containers uploads arrive in and are kept in.</summary>
public interface IUploadStore
{
    /// <summary>The names of the blobs waiting in the uploads container.</summary>
    IAsyncEnumerable<string> ListPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a file into the uploads container only if no blob of that name is waiting there (never overwriting one).
    /// Returns the new blob's version, or null when the name is taken by an upload still waiting.
    /// </summary>
    Task<string?> TryCreateAsync(string name, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a waiting upload; null when it is no longer there (already processed, or never was), or when
    /// <paramref name="version"/> is given and the blob is no longer that version.
    /// </summary>
    /// <exception cref="UploadNameException">The name cannot be addressed by the storage client.</exception>
    Task<OpenedUpload?> OpenAsync(string name, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies exactly <paramref name="upload"/>'s version into the accepted or rejected container under its own name
    /// (or, when that name already holds other bytes, a name made unique by the hash) and, for a rejected upload, writes
    /// <paramref name="reportJson"/> beside it as <c>&lt;name&gt;.report.json</c>. Nothing already there is overwritten:
    /// every write is create-only. Calling it again for the same upload finds its own copies and returns the same names.
    /// </summary>
    Task<PreservedUpload> PreserveAsync(
        OpenedUpload upload, string sha256, Disposition disposition, string? reportJson, CancellationToken cancellationToken = default);

    /// <summary>Deletes the upload only if it is still the version that was processed, and says what happened.</summary>
    Task<UploadRemoval> DeleteAsync(OpenedUpload upload, CancellationToken cancellationToken = default);
}

/// <summary>The version of a quarter's accepted figures that a replacement is conditional on.</summary>
public sealed record AcceptedQuarterVersion(AcceptedQuarter Quarter, string ConcurrencyToken);

/// <summary>The accepted figures, one version per dataset and quarter.</summary>
public interface IAcceptedQuarterStore
{
    Task<AcceptedQuarterVersion?> GetAsync(string dataset, Quarter quarter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="replacement"/> the quarter's figures in one atomic write, provided the current version is still
    /// <paramref name="expected"/> (null: no figures yet). False when another writer got there first.
    /// </summary>
    Task<bool> TryReplaceAsync(AcceptedQuarter replacement, AcceptedQuarterVersion? expected, CancellationToken cancellationToken = default);

    /// <summary>Every dataset's accepted quarters, read at once: by dataset, then in quarter order.</summary>
    Task<IReadOnlyList<AcceptedQuarter>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// One processed upload, as the ledger records it. <see cref="Version"/> is the blob's ETag in uploads (null in entries
/// written before it was recorded); <see cref="Notice"/> says what is still to happen, such as an upload left waiting
/// because another client holds a lease on it.
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
    string? Version = null,
    string? Notice = null);

/// <summary>Every outcome, with the file's sha256 and time.</summary>
public interface IUploadLedger
{
    /// <summary>Records an outcome; recording the same upload (name, creation time, hash) again replaces its entry.</summary>
    Task RecordAsync(LedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entry for exactly this version of the named upload; null when it was never processed.</summary>
    Task<LedgerEntry?> FindAsync(string file, string version, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LedgerEntry>> ListAsync(CancellationToken cancellationToken = default);
}
