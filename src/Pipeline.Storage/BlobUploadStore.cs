using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ports;

namespace Pipeline.Storage;

/// <summary>The uploads, accepted and rejected containers, over Azure Blob Storage.</summary>
public sealed partial class BlobUploadStore(BlobServiceClient service, IOptions<StorageOptions> options) : IUploadStore
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

    public async IAsyncEnumerable<WaitingUpload> ListPendingAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in BlobWrites.ListAsync(_uploads, prefix: null, cancellationToken))
        {
            yield return new WaitingUpload(blob.Name, blob.Properties.CreatedOn ?? DateTimeOffset.MinValue);
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
            var created = await BlobWrites.WhenContainerExistsAsync(
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

        var blob = container.GetBlobClient(name);
        var addressed = new BlobUriBuilder(blob.Uri);
        if (addressed.BlobContainerName != container.Name || addressed.BlobName != name)
        {
            throw new UploadNameException(name, "its URL resolves to another blob (a '.' or '..' path segment, or a similar form).");
        }

        return blob;
    }
}
