using Microsoft.Extensions.Logging;
using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Ingestion;

/// <summary>The processor's log messages, with stable event ids.</summary>
public sealed partial class UploadProcessor
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Upload {Name} is not waiting any more; nothing to do")]
    private partial void LogNothingWaiting(string name);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Upload {Name} changed while it was processed; the new version is left for its own run")]
    private partial void LogChangedWhileProcessing(string name);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Upload {Name}: {Status} (quarter {Quarter}, sha256 {Sha256}, {Errors} errors, {Warnings} warnings)")]
    private partial void LogProcessed(string name, UploadStatus status, string? quarter, string sha256, int errors, int warnings);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Another upload for {Quarter} was accepted meanwhile; deciding again")]
    private partial void LogConcurrentWrite(Quarter quarter);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Upload {Name} is leased by another client and stays in uploads until the lease is released")]
    private partial void LogLeased(string name);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Upload {Name} was already processed ({Status}); only its removal was tried again")]
    private partial void LogAlreadyProcessed(string name, UploadStatus status);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Upload {Name} could not be processed; the run goes on with the others")]
    private partial void LogUploadFailed(string name, Exception exception);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "The uploads waiting could not be listed")]
    private partial void LogListingFailed(Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Upload {Name}, waiting since {UploadedAt}, was recovered by the sweep ({Status}): its event never came, or it went to poison")]
    private partial void LogRecovered(string name, DateTimeOffset uploadedAt, UploadStatus status);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Storage could not be reached while upload {Name} was processed; the run stops, leaving {Left} uploads waiting")]
    private partial void LogStorageUnreachable(string name, int left, Exception exception);
}
