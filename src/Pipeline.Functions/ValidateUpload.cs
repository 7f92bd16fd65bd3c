using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;
using Pipeline.Core.Summaries;
using Pipeline.Storage;

namespace Pipeline.Functions;

/// <summary>A return dropped into <c>uploads</c>: validate it, accept or set it aside, keep every byte.</summary>
public sealed partial class ValidateUpload(UploadProcessor processor, FreshFigures freshFigures, ILogger<ValidateUpload> logger)
{
    [Function(nameof(ValidateUpload))]
    public async Task RunAsync(
        [BlobTrigger("%" + StorageOptions.UploadsSetting + "%/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        UploadOutcome? outcome;
        try
        {
            outcome = await processor.ProcessAsync(blob.Name, version: null, cancellationToken);
        }
        catch (UploadNameException e)
        {
            // No retry can address this name: say so once instead of failing five times into the poison queue.
            LogUnaddressable(blob.Name, e.Message);
            return;
        }

        if (outcome is not null)
        {
            LogOutcome(blob.Name, outcome.Status, outcome.StoredAs);
            await freshFigures.RefreshAsync([outcome], cancellationToken); // the summaries show an accepted upload at once
        }

        if (outcome?.Notice is { } notice)
        {
            LogNotice(blob.Name, notice);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Blob trigger for {Name}: {Status}, kept as {StoredAs}")]
    private partial void LogOutcome(string name, UploadStatus status, string storedAs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Blob trigger for {Name}: not processed. {Reason}")]
    private partial void LogUnaddressable(string name, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Blob trigger for {Name}: {Notice}")]
    private partial void LogNotice(string name, string notice);
}
