using System.Net.Sockets;
using Azure;
using Pipeline.Core.Ports;

namespace Pipeline.Storage;

/// <summary>
/// Storage that gave no answer, as the Azure SDK reports it: a <see cref="RequestFailedException"/> with status 0 around
/// the transport's failure (connection refused or reset, name not resolved, TLS not established), the network timeout
/// (a cancellation nobody asked for), a response body cut off, or the retry policy's <see cref="AggregateException"/> of
/// tries that each failed so. Any status code is an answer: a 404, 409 or 412 concerns one blob or entity, and even a
/// 500 or 503 that outlasted the retries comes from storage that is there.
/// </summary>
public sealed class StorageFaults : IStorageFaults
{
    public bool IsUnreachable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnreachable),
            RequestFailedException { Status: 0, InnerException: { } inner } => IsNoAnswer(inner),
            RequestFailedException => false,
            _ => IsNoAnswer(exception),
        };
    }

    private bool IsNoAnswer(Exception exception) => exception switch
    {
        HttpRequestException or HttpIOException or SocketException or TimeoutException or OperationCanceledException => true,
        AggregateException aggregate => IsUnreachable(aggregate),
        IOException { InnerException: { } inner } => IsNoAnswer(inner),
        _ => false,
    };
}
