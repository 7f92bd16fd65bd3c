using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Pipeline.Storage;

/// <summary>
/// The documents container: JSON too large for a table entity (a quarter's figures, a summary document), each blob
/// written once, create-only, and never changed afterwards. A table entity is the index that points to it, so
/// switching to a new version is a table write, atomic as table writes are, and a reader who read the index finds the
/// blob it names whole.
/// </summary>
/// <remarks>
/// Each blob carries the time it was written (or last touched) by <paramref name="time"/>, the application's clock, in
/// its metadata. The clean-up compares that with the same clock: a blob's age is never storage's clock against the
/// application's, which would drift apart (and did, in the tests, once the real date passed the test clock's).
/// </remarks>
internal sealed class DocumentBlobs(BlobServiceClient service, IOptions<StorageOptions> options, TimeProvider time)
{
    public const string ContentType = "application/json";

    /// <summary>The metadata holding when the blob was written or last touched, by the application's clock (ISO 8601).</summary>
    internal const string WrittenAtMetadata = "writtenat";

    private readonly BlobContainerClient _container = service.GetBlobContainerClient(options.Value.DocumentsContainer);

    public static string Sha256Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Writes <paramref name="content"/> as <paramref name="name"/> unless a blob of that name exists. Names are chosen
    /// so that a name holds one content only, so an existing blob already holds these bytes; with
    /// <paramref name="touchExisting"/>, such a blob's last-modified time is brought to now (one more request), so that
    /// a clean-up that deletes old unreferenced blobs leaves it alone while the caller comes to point to it.
    /// </summary>
    public async Task PutAsync(string name, byte[] content, CancellationToken cancellationToken, bool touchExisting = false)
    {
        var blob = _container.GetBlobClient(name);
        var upload = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType },
            Metadata = Stamp(),
        };
        try
        {
            await BlobWrites.WhenContainerExistsAsync(_container, () => blob.UploadAsync(new BinaryData(content), upload, cancellationToken), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && e.ErrorCode != BlobErrorCode.ContainerNotFound)
        {
            // Written before, by an earlier run or another instance.
            if (touchExisting)
            {
                await blob.SetMetadataAsync(Stamp(), cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>The blob's bytes; null when there is no such blob.</summary>
    public async Task<byte[]?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The blob's content as a stream read as it is consumed; null when there is no such blob.</summary>
    public async Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await _container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// The names of the blobs under <paramref name="prefix"/> and when each was last written or touched, by the
    /// application's clock; none when the container does not exist yet. A blob written before the stamp was kept reads
    /// by storage's last-modified time, the only time it has.
    /// </summary>
    public async IAsyncEnumerable<(string Name, DateTimeOffset WrittenAt)> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in BlobWrites.ListAsync(_container, prefix, cancellationToken, BlobTraits.Metadata))
        {
            yield return (blob.Name, WrittenAt(blob));
        }
    }

    /// <summary>The application's clock now, as the metadata a written or touched blob carries.</summary>
    private Dictionary<string, string> Stamp() =>
        new() { [WrittenAtMetadata] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) };

    private static DateTimeOffset WrittenAt(BlobItem blob) =>
        blob.Metadata is { } metadata && metadata.TryGetValue(WrittenAtMetadata, out var stamp) &&
        DateTimeOffset.TryParseExact(stamp, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var writtenAt)
            ? writtenAt
            : blob.Properties.LastModified ?? DateTimeOffset.MinValue;

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        _container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
