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

    public async Task UploadAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        var blob = _uploads.GetBlobClient(name);
        if (!content.CanSeek)
        {
            // A stream that cannot be rewound cannot be sent twice, so make sure of the container first.
            await _uploads.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await blob.UploadAsync(content, overwrite: true, cancellationToken);
            return;
        }

        var start = content.Position;
        await WhenContainerExistsAsync(
            _uploads,
            () =>
            {
                content.Position = start; // Sent again after the container is created.
                return blob.UploadAsync(content, overwrite: true, cancellationToken);
            },
            cancellationToken);
    }

    public async Task<OpenedUpload?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        try
        {
            var response = await _uploads.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken);
            var details = response.Value.Details;
            return new OpenedUpload(name, response.Value.Content, details.ContentLength, details.CreatedOn, details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<string> PreserveAsync(OpenedUpload upload, string sha256, Disposition disposition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        var container = disposition == Disposition.Accepted ? _accepted : _rejected;
        var source = _uploads.GetBlobClient(upload.Name);

        // The blob's own name first; if that name already holds other bytes (an earlier upload under the same name),
        // a name carrying the hash, so that neither copy is overwritten.
        foreach (var name in new[] { upload.Name, UniqueName(upload.Name, sha256) })
        {
            var destination = container.GetBlobClient(name);
            if (await TryCopyAsync(container, source, destination, upload, sha256, cancellationToken))
            {
                return name;
            }

            var existing = await destination.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (existing.Value.Metadata.TryGetValue(Sha256Metadata, out var existingSha) && existingSha == sha256)
            {
                return name; // Copied already, by an earlier attempt at this upload or by the same bytes uploaded before.
            }
        }

        throw new InvalidOperationException($"Could not find a free name in '{container.Name}' for '{upload.Name}'.");
    }

    public async Task WriteReportAsync(string rejectedName, string reportJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rejectedName);
        ArgumentNullException.ThrowIfNull(reportJson);
        var report = _rejected.GetBlobClient(rejectedName + ".report.json");
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } };
        await WhenContainerExistsAsync(
            _rejected,
            () => report.UploadAsync(BinaryData.FromString(reportJson), options, cancellationToken),
            cancellationToken);
    }

    public async Task<bool> DeleteAsync(OpenedUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        try
        {
            var conditions = new BlobRequestConditions { IfMatch = new ETag(upload.Version) };
            await _uploads.GetBlobClient(upload.Name).DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return true; // Already deleted by an earlier attempt.
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false; // Overwritten by a newer upload since: that one is processed by its own run.
        }
    }

    /// <summary><c>returns/2024-Q3.csv</c> with hash <c>ab12…</c> becomes <c>returns/2024-Q3.ab12cd34ef56.csv</c>.</summary>
    internal static string UniqueName(string name, string sha256)
    {
        var slash = name.LastIndexOf('/');
        var dot = name.LastIndexOf('.');
        var tag = sha256[..12];
        return dot > slash + 1 ? $"{name[..dot]}.{tag}{name[dot..]}" : $"{name}.{tag}";
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
            return false; // The destination name is taken.
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
