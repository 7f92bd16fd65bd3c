using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Testing;

/// <summary>
/// An Azure.Core pipeline policy that counts (and records) every request a client sends, and the bytes of the bodies
/// sent and received (by their Content-Length headers, or the buffered body's length where a response has none).
/// </summary>
public sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _requests = new();
    private long _sent;
    private long _received;

    public int Count => _requests.Count;

    /// <summary>The requests seen, as "METHOD path" lines, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Request body bytes sent since the last <see cref="Reset"/>.</summary>
    public long BytesSent => Interlocked.Read(ref _sent);

    /// <summary>Response body bytes received since the last <see cref="Reset"/>.</summary>
    public long BytesReceived => Interlocked.Read(ref _received);

    public void Reset()
    {
        _requests.Clear();
        Interlocked.Exchange(ref _sent, 0);
        Interlocked.Exchange(ref _received, 0);
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _requests.Enqueue($"{message.Request.Method} {message.Request.Uri.Path}");
        if (message.Request.Content?.TryComputeLength(out var length) == true)
        {
            Interlocked.Add(ref _sent, length);
        }
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Azurite sends table query results without a Content-Length (chunked); the client has buffered them by now.
        var response = message.Response;
        var length = response.Headers.ContentLength ?? (response.ContentStream is { CanSeek: true } buffered ? buffered.Length : 0);
        Interlocked.Add(ref _received, length);
    }
}
