using System.Runtime.CompilerServices;
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

    /// <summary>The blobs of <paramref name="container"/> (under <paramref name="prefix"/>, if given); none when the container does not exist yet.</summary>
    public static async IAsyncEnumerable<BlobItem> ListAsync(
        BlobContainerClient container, string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken, BlobTraits traits = BlobTraits.None)
    {
        var pages = container.GetBlobsAsync(traits: traits, prefix: prefix, cancellationToken: cancellationToken).AsPages();
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
                yield return blob;
            }
        }
    }
}
