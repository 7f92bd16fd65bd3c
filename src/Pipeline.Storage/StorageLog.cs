using Microsoft.Extensions.Logging;

namespace Pipeline.Storage;

/// <summary>
/// Every log message of Pipeline.Storage, in one place so that its event ids stay unique and stable: 40xx the
/// comparison store. Each event's name is its method's. (Core's are 1xxx and 3xxx, Functions' 2xxx, Web's 5xxx.)
/// </summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 4001, EventName = nameof(DocumentMissingIndexReadAgain), Level = LogLevel.Warning, Message = "The document {Document} that {Partition}/{RowKey} pointed to was missing; the index is read again")]
    public static partial void DocumentMissingIndexReadAgain(ILogger logger, string document, string partition, string rowKey);
}
