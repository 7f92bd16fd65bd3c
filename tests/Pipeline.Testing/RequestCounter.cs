using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Testing;

/// <summary>An Azure.Core pipeline policy that counts (and records) every request a client sends.</summary>
public sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    public int Count => _requests.Count;

    /// <summary>The requests seen, as "METHOD path" lines, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public void Reset() => _requests.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _requests.Enqueue($"{message.Request.Method} {message.Request.Uri.Path}");
    }
}
