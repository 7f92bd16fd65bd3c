using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pipeline.Core;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Storage;

/// <summary>The uploads, accepted and rejected containers, over Azure Blob Storage.</summary>
public sealed partial class BlobUploadStore(BlobServiceClient service, IOptions<StorageOptions> options) : IUploadStore
{
    private const string Sha256Metadata = "sha256";
    private const string SourceNameMetadata = "sourcename";
    private const string UploadedAtMetadata = "uploadedat";
    private const string KindMetadata = "kind";

    /// <summary>
    /// The app's mark on the uploads it creates (<see cref="OpenedUpload.SentViaApp"/>): a hint to look for the sender the
    /// app recorded in the ledger's table, never a sender itself, since whoever writes to uploads can set any metadata.
    /// </summary>
    internal const string SentViaMetadata = "sentvia";

    internal const string SentViaApp = "app";
    private const string ReportKind = "report";
    private const string ReportSuffix = ".report.json";

    /// <summary>Azure's limit on a blob name, in characters.</summary>
    private const int MaxBlobNameLength = UploadNames.MaxLength;

    private readonly BlobContainerClient _uploads = service.GetBlobContainerClient(options.Value.UploadsContainer);
    private readonly BlobContainerClient _accepted = service.GetBlobContainerClient(options.Value.AcceptedContainer);
    private readonly BlobContainerClient _rejected = service.GetBlobContainerClient(options.Value.RejectedContainer);

    public async IAsyncEnumerable<WaitingUpload> ListPendingAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in BlobWrites.ListAsync(_uploads, prefix: null, cancellationToken))
        {
            yield return new WaitingUpload(blob.Name, blob.Properties.CreatedOn ?? DateTimeOffset.MinValue);
        }
    }

    public async Task<string?> TryCreateAsync(string name, Stream content, ChangeNote? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        var blob = Blob(_uploads, name);

        // One Put Blob request from bytes this call owns. A stream that cannot seek would be sent as staged blocks whose
        // ids depend only on their offsets, and two uploads of one name at once would commit each other's blocks: the
        // create-only condition would then let one request store another's bytes. So it is read into a buffer first.
        var owned = content.CanSeek ? content : await BufferAsync(content, cancellationToken);
        var start = owned.Position;
        var length = owned.Length - start;
        if (length >= UploadNames.MaxSingleRequestBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The content is {length:N0} bytes, over the {UploadNames.MaxSingleRequestBytes:N0} storage takes in one request."), nameof(content));
        }

        // Create-only: a blob of the same name still waiting is somebody's upload, and is never overwritten.
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            Metadata = MetadataOf(note),
            // The SDK sends content shorter than InitialTransferSize in one Put Blob (and stages blocks from that size on).
            TransferOptions = new StorageTransferOptions { InitialTransferSize = UploadNames.MaxSingleRequestBytes },
        };
        try
        {
            var created = await BlobWrites.WhenContainerExistsAsync(
                _uploads,
                () =>
                {
                    owned.Position = start; // Sent again after the container is created.
                    return blob.UploadAsync(owned, options, cancellationToken);
                },
                cancellationToken);
            return created.Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && e.ErrorCode != BlobErrorCode.ContainerNotFound)
        {
            return null;
        }
        finally
        {
            if (!ReferenceEquals(owned, content))
            {
                await owned.DisposeAsync();
            }
        }
    }

    private static async Task<MemoryStream> BufferAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>The app's mark, and the sender's reason (escaped: metadata is ASCII) and kind of change when given.</summary>
    private static Dictionary<string, string> MetadataOf(ChangeNote? note)
    {
        var metadata = new Dictionary<string, string> { [SentViaMetadata] = SentViaApp };
        if (note?.Reason is { } reason)
        {
            metadata[ChangeNote.ReasonMetadata] = Uri.EscapeDataString(reason);
        }

        if (note?.Kind is { } kind)
        {
            metadata[ChangeNote.KindMetadata] = kind;
        }

        return metadata;
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
                name,
                response.Value.Content,
                details.ContentLength,
                details.CreatedOn,
                details.ETag.ToString(),
                details.LeaseState == LeaseState.Leased,
                details.Metadata.TryGetValue(SentViaMetadata, out var via) && via == SentViaApp)
            {
                Note = ChangeNote.FromMetadata(details.Metadata.TryGetValue(ChangeNote.ReasonMetadata, out var reason) ? reason : null, details.Metadata.TryGetValue(ChangeNote.KindMetadata, out var kind) ? kind : null),
            };
        }
        catch (RequestFailedException e) when (e.Status == 404 || (version is not null && e.Status == 412))
        {
            return null;
        }
    }

    public async Task<string?> ReadReportAsync(string storedAs, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(storedAs);
        try
        {
            var report = await Blob(_rejected, storedAs + ReportSuffix).DownloadContentAsync(cancellationToken);
            return report.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // No report (or no rejected container yet).
        }
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

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            // System.Uri turns a backslash into '/' in an http URL: the request would address another blob than the one named.
            throw new UploadNameException(name, "it has a '\\', which the storage client sends as '/', a folder, so it would address another blob.");
        }

        var blob = container.GetBlobClient(name);
        var addressed = new BlobUriBuilder(blob.Uri);
        if (addressed.BlobContainerName != container.Name || addressed.BlobName != name)
        {
            throw new UploadNameException(name, "its URL resolves to another blob (a '.' or '..' path segment, or a similar form).");
        }

        return blob;
    }
}
