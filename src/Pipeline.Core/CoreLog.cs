using Microsoft.Extensions.Logging;
using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;

namespace Pipeline.Core;

/// <summary>
/// Every log message of Pipeline.Core, in one place so that its event ids stay unique and stable: 10xx the upload
/// processor, 30xx the recalculation, 31xx the figures refreshed after an upload. Each event's name is its method's.
/// (Functions' are 2xxx, Storage's 4xxx, Web's 5xxx.)
/// </summary>
internal static partial class CoreLog
{
    [LoggerMessage(EventId = 1001, EventName = nameof(NothingWaiting), Level = LogLevel.Information, Message = "Upload {Name} is not waiting any more; nothing to do")]
    public static partial void NothingWaiting(ILogger logger, string name);

    [LoggerMessage(EventId = 1002, EventName = nameof(ChangedWhileProcessing), Level = LogLevel.Warning, Message = "Upload {Name} changed while it was processed; the new version is left for its own run")]
    public static partial void ChangedWhileProcessing(ILogger logger, string name);

    [LoggerMessage(EventId = 1003, EventName = nameof(Processed), Level = LogLevel.Information, Message = "Upload {Name}: {Status} (quarter {Quarter}, sha256 {Sha256}, {Errors} errors, {Warnings} warnings)")]
    public static partial void Processed(ILogger logger, string name, UploadStatus status, string? quarter, string sha256, int errors, int warnings);

    [LoggerMessage(EventId = 1004, EventName = nameof(ConcurrentWrite), Level = LogLevel.Information, Message = "Another upload for {Quarter} was accepted meanwhile; deciding again")]
    public static partial void ConcurrentWrite(ILogger logger, Quarter quarter);

    [LoggerMessage(EventId = 1005, EventName = nameof(Leased), Level = LogLevel.Warning, Message = "Upload {Name} is leased by another client and stays in uploads until the lease is released")]
    public static partial void Leased(ILogger logger, string name);

    [LoggerMessage(EventId = 1006, EventName = nameof(AlreadyProcessed), Level = LogLevel.Information, Message = "Upload {Name} was already processed ({Status}); only its removal was tried again")]
    public static partial void AlreadyProcessed(ILogger logger, string name, UploadStatus status);

    [LoggerMessage(EventId = 1007, EventName = nameof(UploadFailed), Level = LogLevel.Error, Message = "Upload {Name} could not be processed; the run goes on with the others")]
    public static partial void UploadFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(EventId = 1008, EventName = nameof(ListingFailed), Level = LogLevel.Error, Message = "The uploads waiting could not be listed")]
    public static partial void ListingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1009, EventName = nameof(Recovered), Level = LogLevel.Warning, Message = "Upload {Name}, waiting since {UploadedAt}, was recovered by the sweep ({Status}): its event never came, or it went to poison")]
    public static partial void Recovered(ILogger logger, string name, DateTimeOffset uploadedAt, UploadStatus status);

    [LoggerMessage(EventId = 1010, EventName = nameof(StorageUnreachable), Level = LogLevel.Error, Message = "Storage could not be reached while upload {Name} was processed; the run stops, leaving {Left} uploads waiting")]
    public static partial void StorageUnreachable(ILogger logger, string name, int left, Exception exception);

    [LoggerMessage(EventId = 3001, EventName = nameof(Unchanged), Level = LogLevel.Information, Message = "Nothing accepted since the last recalculation ({Quarters} quarters); comparisons left as they are")]
    public static partial void Unchanged(ILogger logger, int quarters);

    [LoggerMessage(EventId = 3002, EventName = nameof(Recomputed), Level = LogLevel.Information, Message = "Recalculated {Comparisons} comparisons from {Quarters} accepted quarters")]
    public static partial void Recomputed(ILogger logger, int quarters, int comparisons);

    [LoggerMessage(EventId = 3101, EventName = nameof(RefreshFailed), Level = LogLevel.Warning, Message = "The comparisons of {Dataset} could not be refreshed after an accepted upload; the timer will")]
    public static partial void RefreshFailed(ILogger logger, string dataset, Exception exception);
}
