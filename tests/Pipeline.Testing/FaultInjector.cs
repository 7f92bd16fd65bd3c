using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Testing;

/// <summary>Where an injected fault strikes: before the request reaches storage, or after storage has applied it.</summary>
public enum FaultTiming
{
    /// <summary>The request is never sent (a crash just before the call).</summary>
    BeforeSend,

    /// <summary>The request is applied by storage but the caller never learns it (a crash just after the call).</summary>
    AfterResponse,
}

/// <summary>Thrown by <see cref="FaultInjector"/>; not retriable, so it ends the operation like a crash would.</summary>
public sealed class InjectedFaultException(string message) : Exception(message);

/// <summary>
/// An Azure.Core pipeline policy shared by every client of one run, failing the Nth request of the run (1-based).
/// Requests after the fault pass, so the test controls what a "crash" interrupts and then retries cleanly.
/// </summary>
public sealed class FaultInjector(int failOnRequest, FaultTiming timing) : HttpPipelinePolicy
{
    private int _seen;

    public int Seen => Volatile.Read(ref _seen);

    public bool Fired { get; private set; }

    public bool Armed { get; set; } = true;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var fault = Before(message);
        ProcessNext(message, pipeline);
        After(message, fault);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var fault = Before(message);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        After(message, fault);
    }

    private bool Before(HttpMessage message)
    {
        if (!Armed)
        {
            return false;
        }

        var n = Interlocked.Increment(ref _seen);
        if (n != failOnRequest)
        {
            return false;
        }

        Fired = true;
        if (timing == FaultTiming.BeforeSend)
        {
            throw new InjectedFaultException($"Injected fault before request {n}: {message.Request.Method} {message.Request.Uri.Path}");
        }

        return true;
    }

    private static void After(HttpMessage message, bool fault)
    {
        if (fault)
        {
            throw new InjectedFaultException($"Injected fault after request: {message.Request.Method} {message.Request.Uri.Path}");
        }
    }
}
