using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Ingestion;

namespace Pipeline.Functions;

/// <summary>A return dropped into <c>uploads</c>: validate it, accept or set it aside, keep every byte.</summary>
public sealed partial class ValidateUpload(UploadProcessor processor, ILogger<ValidateUpload> logger)
{
    [Function(nameof(ValidateUpload))]
    public async Task RunAsync(
        [BlobTrigger("uploads/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var outcome = await processor.ProcessAsync(blob.Name, cancellationToken);
        if (outcome is not null)
        {
            LogOutcome(blob.Name, outcome.Status, outcome.StoredAs);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Blob trigger for {Name}: {Status}, kept as {StoredAs}")]
    private partial void LogOutcome(string name, string status, string storedAs);
}
