using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Pipeline.Storage;

/// <summary>Helpers shared by the blob adapters.</summary>
internal static class BlobWrites
{
    /// <summary>Runs a write; if its container does not exist yet, creates it once and runs the write again.</summary>
    public static async Task<T> WhenContainerExistsAsync<T>(BlobContainerClient container, Func<Task<T>> write, CancellationToken cancellationToken)
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
