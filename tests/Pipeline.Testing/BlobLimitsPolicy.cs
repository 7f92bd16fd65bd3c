using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Testing;

/// <summary>
/// Azurite takes blob names that Azure Blob Storage refuses. This policy, on every blob client the tests make, fails a
/// request as Azure would when the blob it addresses has a name over 1,024 characters or more than 254 path segments, or
/// when the metadata it writes is over 8 KiB. A name the pipeline writes that Azure would refuse (a report's name grown
/// past the limit, say) then fails the test instead of passing on Azurite and failing in Azure on every try.
/// </summary>
public sealed class BlobLimitsPolicy : HttpPipelinePolicy
{
    public const int MaxNameLength = 1024;
    public const int MaxSegments = 254;
    public const int MaxMetadataBytes = 8 * 1024;

    private const string MetadataPrefix = "x-ms-meta-";

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>
    /// The blob name a request addresses, decoded; null for an account or container request. Azurite's URLs are
    /// path-style: <c>/account/container/blob name</c>.
    /// </summary>
    public static string? BlobNameOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var path = uri.AbsolutePath.TrimStart('/');
        var container = path.IndexOf('/', StringComparison.Ordinal);
        var blob = container < 0 ? -1 : path.IndexOf('/', container + 1);
        return blob < 0 || blob == path.Length - 1 ? null : Uri.UnescapeDataString(path[(blob + 1)..]);
    }

    private static void Check(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = message.Request;
        if (BlobNameOf(request.Uri.ToUri()) is { } name)
        {
            if (name.Length > MaxNameLength)
            {
                throw Refused("OutOfRangeInput", $"The blob name is {name.Length:N0} characters, over Azure's {MaxNameLength:N0}: {name[..40]}...");
            }

            var segments = name.Split('/').Length;
            if (segments > MaxSegments)
            {
                throw Refused("OutOfRangeInput", $"The blob name has {segments} path segments, over Azure's {MaxSegments}.");
            }
        }

        var metadata = 0;
        foreach (var header in request.Headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata += header.Name.Length - MetadataPrefix.Length + header.Value.Length;
            }
        }

        if (metadata > MaxMetadataBytes)
        {
            throw Refused("MetadataTooLarge", $"The metadata is {metadata:N0} bytes, over Azure's 8 KiB.");
        }
    }

    private static RequestFailedException Refused(string code, string message) => new(400, message, code, innerException: null);
}
