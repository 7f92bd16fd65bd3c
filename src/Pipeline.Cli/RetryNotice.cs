using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Cli;

/// <summary>
/// The CLI's storage clients give up sooner than the SDK's defaults (which, against an endpoint that accepts a
/// connection and never answers, wait 100 s a try, four tries): a person at a terminal is told within about ten seconds,
/// and is told while it retries. The function app keeps the SDK's patient defaults.
/// </summary>
internal sealed class RetryNotice(TextWriter error) : HttpPipelinePolicy
{
    /// <summary>How long one request may take before it is abandoned and tried again.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(4);

    /// <summary>Tries after the first.</summary>
    public const int MaxRetries = 1;

    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    public static void Configure(RetryOptions retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.Mode = RetryMode.Fixed;
        retry.MaxRetries = MaxRetries;
        retry.Delay = Delay;
        retry.MaxDelay = Delay;
        retry.NetworkTimeout = NetworkTimeout;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Say(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Say(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Say(HttpMessage message)
    {
        var retry = message.ProcessingContext.RetryNumber;
        if (retry > 0)
        {
            var uri = message.Request.Uri;
            error.WriteLine($"Storage at {uri.Scheme}://{uri.Host}:{uri.Port} failed to answer (no connection, a timeout or a server error); trying again ({retry} of {MaxRetries})...");
        }
    }
}
