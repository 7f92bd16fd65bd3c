using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion;

namespace Pipeline.Storage;

/// <summary>The uploads, accepted and rejected containers, over Azure Blob Storage.</summary>
public sealed class BlobUploadStore(BlobServiceClient service, IOptions<StorageOptions> options) : IUploadStore
{
    private const string Sha256Metadata = "sha256";
    private const string SourceNameMetadata = "sourcename";
    private const string UploadedAtMetadata = "uploadedat";
    private const string KindMetadata = "kind";
    private const string ReportKind = "report";
    private const string ReportSuffix = ".report.json";

    /// <summary>Azure's limit on a blob name, in characters.</summary>
    private const int MaxBlobNameLength = 1024;

    private readonly BlobContainerClient _uploads = service.GetBlobContainerClient(options.Value.UploadsContainer);
    private readonly BlobContainerClient _accepted = service.GetBlobContainerClient(options.Value.AcceptedContainer);
    private readonly BlobContainerClient _rejected = service.GetBlobContainerClient(options.Value.RejectedContainer);

    public async IAsyncEnumerable<string> ListPendingAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pages = _uploads.GetBlobsAsync(cancellationToken: cancellationToken).AsPages();
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                yield break;
            }

            foreach (var blob in enumerator.Current.Values)
            {
                yield return blob.Name;
            }
        }
    }

    public async Task<string?> TryCreateAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        var blob = Blob(_uploads, name);

        // Create-only: a blob of the same name still waiting is somebody's upload, and is never overwritten.
        var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        try
        {
            if (!content.CanSeek)
            {
                // A stream that cannot be rewound cannot be sent twice, so make sure of the container first.
                await _uploads.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                return (await blob.UploadAsync(content, options, cancellationToken)).Value.ETag.ToString();
            }

            var start = content.Position;
            var created = await WhenContainerExistsAsync(
                _uploads,
                () =>
                {
                    content.Position = start; // Sent again after the container is created.
                    return blob.UploadAsync(content, options, cancellationToken);
                },
                cancellationToken);
            return created.Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && e.ErrorCode != BlobErrorCode.ContainerNotFound)
        {
            return null;
        }
    }

    public async Task<OpenedUpload?> OpenAsync(string name, string? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var options = new BlobDownloadOptions
        {
            Conditions = version is null ? null : new BlobRequestConditions { IfMatch = new ETag(version) },
        };
        try
        {
            var response = await Blob(_uploads, name).DownloadStreamingAsync(options, cancellationToken);
            var details = response.Value.Details;
            return new OpenedUpload(
                name, response.Value.Content, details.ContentLength, details.CreatedOn, details.ETag.ToString(), details.LeaseState == LeaseState.Leased);
        }
        catch (RequestFailedException e) when (e.Status == 404 || (version is not null && e.Status == 412))
        {
            return null;
        }
    }

    public async Task<PreservedUpload> PreserveAsync(
        OpenedUpload upload, string sha256, Disposition disposition, string? reportJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        var container = disposition == Disposition.Accepted ? _accepted : _rejected;
        var source = Blob(_uploads, upload.Name);

        // The blob's own name first; if that name (or its report's) already holds something else, a name carrying the
        // hash, and so on: every write is create-only, so whatever is already there, a partner's file or another
        // report, is never overwritten.
        foreach (var name in CandidateNames(upload.Name, sha256))
        {
            string? reportName = null;
            ETag? reportWritten = null;
            if (reportJson is not null)
            {
                reportName = name + ReportSuffix;
                reportWritten = await TryWriteReportAsync(container, reportName, reportJson, sha256, cancellationToken);
                if (reportWritten is null)
                {
                    continue; // The report's name holds something that is not this upload's report.
                }
            }

            var destination = container.GetBlobClient(name);
            if (await TryCopyAsync(container, source, destination, upload, sha256, cancellationToken) ||
                await HoldsCopyAsync(destination, upload, sha256, cancellationToken))
            {
                return new PreservedUpload(container.Name, name, reportName);
            }

            if (reportWritten is { } written && written != default)
            {
                // The file's name is taken by other bytes: take back the report just written for it, and try the next name.
                await container.GetBlobClient(reportName).DeleteIfExistsAsync(
                    conditions: new BlobRequestConditions { IfMatch = written }, cancellationToken: cancellationToken);
            }
        }

        throw new UnreachableException("The last candidate name is unique to this run.");
    }

    public async Task<UploadRemoval> DeleteAsync(OpenedUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        try
        {
            var conditions = new BlobRequestConditions { IfMatch = new ETag(upload.Version) };
            await Blob(_uploads, upload.Name).DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, cancellationToken);
            return UploadRemoval.Removed;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return UploadRemoval.Removed; // Already deleted by an earlier attempt.
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && e.ErrorCode == BlobErrorCode.LeaseIdMissing)
        {
            return UploadRemoval.Leased;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return UploadRemoval.Changed; // Overwritten by a newer upload since: that one is processed by its own run.
        }
    }

    /// <summary>
    /// The names to try for a kept copy, in order: the upload's own, then <c>stem.&lt;12 hex&gt;.csv</c>, then that with
    /// <c>-2</c>, <c>-3</c>... and at last one made unique by a fresh GUID, which nobody can have taken. Each fits the
    /// 1,024-character limit of a blob name (the stem is shortened when it must be).
    /// </summary>
    internal static IEnumerable<string> CandidateNames(string name, string sha256)
    {
        yield return name;
        var tag = sha256[..12];
        yield return UniqueName(name, tag);
        for (var n = 2; n <= 20; n++)
        {
            yield return UniqueName(name, string.Create(CultureInfo.InvariantCulture, $"{tag}-{n}"));
        }

        yield return UniqueName(name, $"{sha256}-{Guid.NewGuid():N}");
    }

    /// <summary><c>returns/2024-Q3.csv</c> with tag <c>ab12…</c> becomes <c>returns/2024-Q3.ab12cd34ef56.csv</c>.</summary>
    internal static string UniqueName(string name, string tag)
    {
        var slash = name.LastIndexOf('/');
        var dot = name.LastIndexOf('.');
        var (stem, extension) = dot > slash + 1 ? (name[..dot], name[dot..]) : (name, string.Empty);
        var room = MaxBlobNameLength - tag.Length - 1 - extension.Length;
        if (stem.Length > room)
        {
            stem = stem[..room];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1]; // Never split a character in two.
            }
        }

        return $"{stem}.{tag}{extension}";
    }

    /// <summary>
    /// The client for <paramref name="name"/> in <paramref name="container"/>, provided its URL addresses exactly that
    /// blob. A name with a <c>.</c> or <c>..</c> segment is resolved away by the URL (<c>../accepted/x.csv</c> would reach
    /// another container), so it is refused rather than followed.
    /// </summary>
    private static BlobClient Blob(BlobContainerClient container, string name)
    {
        if (name.Length > MaxBlobNameLength)
        {
            throw new UploadNameException(name, $"it is longer than {MaxBlobNameLength} characters.");
        }

        var blob = container.GetBlobClient(name);
        var addressed = new BlobUriBuilder(blob.Uri);
        if (addressed.BlobContainerName != container.Name || addressed.BlobName != name)
        {
            throw new UploadNameException(name, "its URL resolves to another blob (a '.' or '..' path segment, or a similar form).");
        }

        return blob;
    }

    /// <summary>
    /// Writes the report create-only. Returns its ETag when written now, <c>default</c> when this upload's report is
    /// already there (an earlier attempt), and null when the name holds anything else.
    /// </summary>
    private static async Task<ETag?> TryWriteReportAsync(
        BlobContainerClient container, string reportName, string reportJson, string sha256, CancellationToken cancellationToken)
    {
        var report = container.GetBlobClient(reportName);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            Metadata = new Dictionary<string, string> { [Sha256Metadata] = sha256, [KindMetadata] = ReportKind },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            var written = await WhenContainerExistsAsync(
                container, () => report.UploadAsync(BinaryData.FromString(reportJson), options, cancellationToken), cancellationToken);
            return written.Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var existing = await report.GetPropertiesAsync(cancellationToken: cancellationToken);
            var metadata = existing.Value.Metadata;
            return metadata.TryGetValue(KindMetadata, out var kind) && kind == ReportKind &&
                   metadata.TryGetValue(Sha256Metadata, out var sha) && sha == sha256
                ? default(ETag)
                : null;
        }
    }

    /// <summary>
    /// Whether <paramref name="destination"/>, where a copy was refused, already holds a copy of these bytes (not a
    /// report of them). Nothing there means the refusal was the source's: the upload is no longer the version validated.
    /// </summary>
    private static async Task<bool> HoldsCopyAsync(BlobClient destination, OpenedUpload upload, string sha256, CancellationToken cancellationToken)
    {
        Response<BlobProperties> existing;
        try
        {
            existing = await destination.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new UploadChangedException(upload.Name);
        }

        var metadata = existing.Value.Metadata;
        return metadata.TryGetValue(Sha256Metadata, out var sha) && sha == sha256 && !metadata.ContainsKey(KindMetadata);
    }

    private static async Task<bool> TryCopyAsync(
        BlobContainerClient container,
        BlobClient source,
        BlobClient destination,
        OpenedUpload upload,
        string sha256,
        CancellationToken cancellationToken)
    {
        var copyOptions = new BlobCopyFromUriOptions
        {
            Metadata = new Dictionary<string, string>
            {
                [Sha256Metadata] = sha256,
                [SourceNameMetadata] = Convert.ToBase64String(Encoding.UTF8.GetBytes(upload.Name)),
                [UploadedAtMetadata] = upload.UploadedAt.ToString("O", CultureInfo.InvariantCulture),
            },
            SourceConditions = new BlobRequestConditions { IfMatch = new ETag(upload.Version) },
            DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            var copy = await WhenContainerExistsAsync(
                container,
                () => destination.StartCopyFromUriAsync(source.Uri, copyOptions, cancellationToken),
                cancellationToken);
            if (!copy.HasCompleted && !CompletedAtOnce(copy.GetRawResponse()))
            {
                await copy.WaitForCompletionAsync(cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && e.ErrorCode != BlobErrorCode.SourceConditionNotMet)
        {
            return false; // The destination name is taken (or, as Azurite words it, the source changed: the caller tells).
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.SourceConditionNotMet)
        {
            throw new UploadChangedException(upload.Name);
        }
    }

    /// <summary>
    /// Whether the Copy Blob response already says the copy is done. Within one account it usually is, and the SDK's
    /// operation does not read that header: it would poll the blob's properties once to learn what storage already said.
    /// </summary>
    private static bool CompletedAtOnce(Response response) =>
        response.Headers.TryGetValue("x-ms-copy-status", out var status) &&
        string.Equals(status, "success", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs a write; if its container does not exist yet, creates it once and runs the write again.</summary>
    private static async Task<T> WhenContainerExistsAsync<T>(BlobContainerClient container, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        try
        {
            return await write();
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return await write();
        }
    }
}
