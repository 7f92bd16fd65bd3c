namespace Pipeline.Core.Ports;

/// <summary>The containers uploads arrive in and are kept in.</summary>
public interface IUploadStore
{
    /// <summary>The names of the blobs waiting in the uploads container.</summary>
    IAsyncEnumerable<WaitingUpload> ListPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a file into the uploads container only if no blob of that name is waiting there (never overwriting one),
    /// marked as the app's (<see cref="OpenedUpload.SentViaApp"/>). Returns the new blob's version, or null when the name
    /// is taken by an upload still waiting.
    /// </summary>
    Task<string?> TryCreateAsync(string name, Stream content, Returns.ChangeNote? note = null, CancellationToken cancellationToken = default);

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

    /// <summary>
    /// The report kept beside a rejected upload (<c>&lt;storedAs&gt;.report.json</c> in the rejected container, where
    /// <paramref name="storedAs"/> is the ledger's name for the kept file); null when there is none.
    /// </summary>
    Task<string?> ReadReportAsync(string storedAs, CancellationToken cancellationToken = default);

    /// <summary>Deletes the upload only if it is still the version that was processed, and says what happened.</summary>
    Task<UploadRemoval> DeleteAsync(OpenedUpload upload, CancellationToken cancellationToken = default);
}
