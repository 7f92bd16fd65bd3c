using Microsoft.Extensions.Logging;
using Pipeline.Core.Returns;

namespace Pipeline.Functions;

/// <summary>
/// Every log message of Pipeline.Functions, in one place so that its event ids stay unique and stable: 20xx the blob
/// trigger, 21xx the timers. Each event's name is its method's.
/// </summary>
internal static partial class FunctionsLog
{
    [LoggerMessage(EventId = 2001, EventName = nameof(BlobTriggerOutcome), Level = LogLevel.Information, Message = "Blob trigger for {Name}: {Status}, kept as {StoredAs}")]
    public static partial void BlobTriggerOutcome(ILogger logger, string name, UploadStatus status, string storedAs);

    [LoggerMessage(EventId = 2002, EventName = nameof(BlobTriggerUnaddressable), Level = LogLevel.Error, Message = "Blob trigger for {Name}: not processed. {Reason}")]
    public static partial void BlobTriggerUnaddressable(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 2003, EventName = nameof(BlobTriggerNotice), Level = LogLevel.Warning, Message = "Blob trigger for {Name}: {Notice}")]
    public static partial void BlobTriggerNotice(ILogger logger, string name, string notice);

    [LoggerMessage(EventId = 2101, EventName = nameof(RecalculationTimerLate), Level = LogLevel.Warning, Message = "The recalculation timer is running late")]
    public static partial void RecalculationTimerLate(ILogger logger);

    [LoggerMessage(EventId = 2102, EventName = nameof(RecalculationTimerDone), Level = LogLevel.Information, Message = "Recalculation timer: recomputed {Recomputed}, {Comparisons} comparisons from {Quarters} quarters")]
    public static partial void RecalculationTimerDone(ILogger logger, bool recomputed, int comparisons, int quarters);

    [LoggerMessage(EventId = 2104, EventName = nameof(SweepRecovered), Level = LogLevel.Warning, Message = "The sweep processed {Recovered} uploads left waiting; {Failed} could not be processed")]
    public static partial void SweepRecovered(ILogger logger, int recovered, int failed);

    [LoggerMessage(EventId = 2103, EventName = nameof(SweepStopped), Level = LogLevel.Error, Message = "The sweep processed {Recovered} uploads left waiting, then storage stopped answering; {Left} are left for the next sweep")]
    public static partial void SweepStopped(ILogger logger, int recovered, int left);
}
