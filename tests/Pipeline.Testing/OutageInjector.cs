using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Testing;

/// <summary>
/// Takes storage away in the middle of a run: just before the <paramref name="on"/>th request that
/// <paramref name="trigger"/> picks is sent, it runs <paramref name="stop"/> (say, <see cref="AzuriteFixture.Stop"/>), and
/// from then on records every request the clients still make, as "METHOD path" lines. Added per call, it sees each
/// operation once, however often the retry policy tries it.
/// </summary>
public sealed class OutageInjector(Func<HttpMessage, bool> trigger, int on, Action stop) : HttpPipelinePolicy
{
    private readonly Lock _gate = new();
    private readonly List<string> _after = [];
    private int _seen;
    private bool _stopped;

    /// <summary>The requests made from the moment storage was stopped, that one first.</summary>
    public IReadOnlyList<string> RequestsAfter
    {
        get
        {
            lock (_gate)
            {
                return [.. _after];
            }
        }
    }

    /// <summary>A trigger: reading a blob (not listing) in <paramref name="container"/>.</summary>
    public static Func<HttpMessage, bool> ReadingBlobIn(string container) =>
        m => m.Request.Method == RequestMethod.Get && m.Request.Uri.Path.Contains($"/{container}/", StringComparison.Ordinal);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Before(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Before(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Before(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            if (!_stopped && trigger(message) && ++_seen == on)
            {
                stop();
                _stopped = true;
            }

            if (_stopped)
            {
                _after.Add($"{message.Request.Method} {message.Request.Uri.Path}");
            }
        }
    }
}
