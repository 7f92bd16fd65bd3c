using Pipeline.Core.Ports;
using Pipeline.Core.Returns;
using Pipeline.Core.Validation;

namespace Pipeline.Core.Ingestion;

/// <summary>Removing a processed upload from uploads, and saying so when it cannot be removed.</summary>
public sealed partial class UploadProcessor
{
    private async Task<UploadOutcome> RemoveAgainAsync(OpenedUpload upload, LedgerEntry earlier, ValidationReport report, CancellationToken cancellationToken)
    {
        var removal = await RemoveAsync(upload, cancellationToken);
        var notice = NoticeOf(removal);
        var already = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Already processed at {earlier.ProcessedAt:yyyy-MM-dd'T'HH:mm:ssK} ({earlier.Status.ToWire()}); nothing was done again.");
        if (notice is null)
        {
            await ledger.RecordAsync(earlier with { Notice = null }, cancellationToken);
        }

        CoreLog.AlreadyProcessed(logger, upload.Name, earlier.Status);
        return Outcome(earlier, container: null, reportName: null, report, notice is null ? already : $"{already} {notice}", removal);
    }

    /// <summary>Removes the processed upload, only if it is still the version processed, and says what happened.</summary>
    private async Task<UploadRemoval> RemoveAsync(OpenedUpload upload, CancellationToken cancellationToken)
    {
        var removal = await uploads.DeleteAsync(upload, cancellationToken);
        switch (removal)
        {
            case UploadRemoval.Leased:
                CoreLog.Leased(logger, upload.Name);
                break;
            case UploadRemoval.Changed:
                CoreLog.ChangedWhileProcessing(logger, upload.Name);
                break;
        }

        return removal;
    }

    /// <summary>A sentence for the partner when the upload could not be removed; null when it was.</summary>
    private static string? NoticeOf(UploadRemoval removal) => removal switch
    {
        UploadRemoval.Leased => LeasedNotice,
        UploadRemoval.Changed => "A newer upload was written under this name while this one was processed; it is processed on its own.",
        _ => null,
    };

    internal const string LeasedNotice =
        "Still waiting in uploads: another client holds a lease on the blob, so it could not be removed. " +
        "It is removed by the next run after the lease is released or broken.";

    private static UploadOutcome Outcome(
        LedgerEntry entry, string? container, string? reportName, ValidationReport report, string? notice, UploadRemoval removal) =>
        new(entry.File, entry.Status, entry.Quarter, entry.StoredAs, entry.Sha256, report, entry.SentBy)
        {
            Notice = notice,
            Container = container,
            ReportName = reportName,
            StillWaiting = removal == UploadRemoval.Leased,
        };

    /// <summary>One line for people: a retried request's last failure rather than the retry policy's summary of them.</summary>
    private static string FirstLine(Exception e) => e is AggregateException { InnerExceptions.Count: > 0 } aggregate
        ? FirstLine(aggregate.InnerExceptions[^1])
        : e.Message.Split('\n', 2)[0].TrimEnd('\r');
}
