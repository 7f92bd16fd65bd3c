using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Storage;

namespace Pipeline.Functions;

/// <summary>A return dropped into <c>uploads</c>: validate it, accept or set it aside, keep every byte.</summary>
public sealed class ValidateUpload(UploadProcessor processor, FreshFigures freshFigures, ILogger<ValidateUpload> logger)
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
            FunctionsLog.BlobTriggerUnaddressable(logger, blob.Name, e.Message);
            return;
        }

        if (outcome is not null)
        {
            FunctionsLog.BlobTriggerOutcome(logger, blob.Name, outcome.Status, outcome.StoredAs);
            await freshFigures.RefreshAsync([outcome], cancellationToken); // the summaries show an accepted upload at once
        }

        if (outcome?.Notice is { } notice)
        {
            FunctionsLog.BlobTriggerNotice(logger, blob.Name, notice);
        }
    }
}
