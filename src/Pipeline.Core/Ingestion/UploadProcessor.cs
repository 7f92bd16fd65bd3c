using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Returns;
using Pipeline.Core.Validation;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Processes one upload exactly as the contract's section 3 says, for the blob function and the CLI alike.
/// </summary>
/// <remarks>
/// The steps are ordered so that a crash between any two of them, followed by a retry, ends where an uninterrupted run
/// would: (1) validate the bytes as they stream; (2) if valid, make them the quarter's figures with one conditional write;
/// (3) copy the blob to accepted or rejected (and write the report); (4) record the outcome in the ledger; (5) only then
/// delete the upload, and only the version that was processed. Until step 5 the upload is still waiting, so a retry
/// repeats the steps, each of which recognises its own earlier work.
/// </remarks>
public sealed partial class UploadProcessor(
    IUploadStore uploads,
    IAcceptedQuarterStore quarters,
    IUploadLedger ledger,
    ReturnValidator validator,
    TimeProvider timeProvider,
    ILogger<UploadProcessor> logger)
{
    /// <summary>Processes the named upload; null when it is no longer waiting (already processed).</summary>
    public async Task<UploadOutcome?> ProcessAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        await using var upload = await uploads.OpenAsync(name, cancellationToken);
        if (upload is null)
        {
            LogNothingWaiting(name);
            return null;
        }

        var result = await validator.ValidateAsync(upload.Content, name, upload.Length, cancellationToken);
        var sha256 = result.Report.Sha256 ?? await HashUnreadUploadAsync(upload, cancellationToken);
        if (sha256 is null)
        {
            LogChangedWhileProcessing(name);
            return null;
        }

        var report = result.Report with { Sha256 = sha256 };

        UploadStatus status;
        string storedAs;
        if (result.Return is { } valid)
        {
            status = await AcceptAsync(upload, valid, sha256, cancellationToken);
            storedAs = await uploads.PreserveAsync(upload, sha256, Disposition.Accepted, cancellationToken);
        }
        else
        {
            status = UploadStatus.Rejected;
            storedAs = await uploads.PreserveAsync(upload, sha256, Disposition.Rejected, cancellationToken);
            await uploads.WriteReportAsync(storedAs, ValidationReportJson.Serialize(report), cancellationToken);
        }

        await ledger.RecordAsync(
            new LedgerEntry(
                name,
                sha256,
                upload.Length,
                upload.UploadedAt,
                timeProvider.GetUtcNow(),
                status,
                report.Quarter,
                report.Errors.Count,
                report.Warnings.Count,
                storedAs),
            cancellationToken);

        if (!await uploads.DeleteAsync(upload, cancellationToken))
        {
            LogChangedWhileProcessing(name);
        }

        LogProcessed(name, status.ToWire(), report.Quarter, sha256, report.Errors.Count, report.Warnings.Count);
        return new UploadOutcome(name, status.ToWire(), report.Quarter, storedAs, sha256, report);
    }

    /// <summary>Processes every upload waiting, oldest name first.</summary>
    public async Task<IReadOnlyList<UploadOutcome>> ProcessPendingAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = new List<UploadOutcome>();
        await foreach (var name in uploads.ListPendingAsync(cancellationToken))
        {
            if (await ProcessAsync(name, cancellationToken) is { } outcome)
            {
                outcomes.Add(outcome);
            }
        }

        return outcomes;
    }

    private async Task<UploadStatus> AcceptAsync(OpenedUpload upload, ValidatedReturn valid, string sha256, CancellationToken cancellationToken)
    {
        // Optimistic concurrency: read the quarter's current version, decide, write on condition that it is unchanged;
        // another writer in between makes the write fail and the decision is taken again against what it wrote.
        while (true)
        {
            var current = await quarters.GetAsync(valid.Quarter, cancellationToken);
            if (current is { Quarter: var existing })
            {
                if (existing.Sha256 == sha256)
                {
                    // The same bytes: either this very upload, accepted before a crash, or a re-upload that changes nothing.
                    return existing.File == upload.Name && existing.UploadedAt == upload.UploadedAt
                        ? UploadStatus.Accepted
                        : UploadStatus.Duplicate;
                }

                if (IsLater(existing, upload))
                {
                    return UploadStatus.Superseded;
                }
            }

            var next = new AcceptedQuarter(
                valid.Quarter, upload.Name, sha256, upload.UploadedAt, timeProvider.GetUtcNow(), valid.Areas);
            if (await quarters.TryReplaceAsync(next, current, cancellationToken))
            {
                return UploadStatus.Accepted;
            }

            LogConcurrentWrite(valid.Quarter.ToString());
        }
    }

    /// <summary>
    /// Whether the accepted figures come from an upload made after this one: the later upload wins, so a late or
    /// repeated delivery of an older upload cannot undo a correction. Storage gives creation times to the second;
    /// within one second the order is unknowable, and the upload processed last wins.
    /// </summary>
    private static bool IsLater(AcceptedQuarter existing, OpenedUpload upload) => existing.UploadedAt > upload.UploadedAt;

    /// <summary>
    /// A file refused for its size before it was read has no hash yet; the ledger still records one, computed by
    /// streaming the same version of the blob through SHA-256 without parsing or holding it.
    /// </summary>
    private async Task<string?> HashUnreadUploadAsync(OpenedUpload upload, CancellationToken cancellationToken)
    {
        await using var again = await uploads.OpenAsync(upload.Name, cancellationToken);
        if (again is null || again.Version != upload.Version)
        {
            return null;
        }

        var hash = await SHA256.HashDataAsync(again.Content, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Upload {Name} is not waiting any more; nothing to do")]
    private partial void LogNothingWaiting(string name);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Upload {Name} changed while it was processed; the new version is left for its own run")]
    private partial void LogChangedWhileProcessing(string name);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Upload {Name}: {Status} (quarter {Quarter}, sha256 {Sha256}, {Errors} errors, {Warnings} warnings)")]
    private partial void LogProcessed(string name, string status, string? quarter, string sha256, int errors, int warnings);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Another upload for {Quarter} was accepted meanwhile; deciding again")]
    private partial void LogConcurrentWrite(string quarter);
}
