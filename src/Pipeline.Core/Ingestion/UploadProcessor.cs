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
    ReturnValidators validators,
    TimeProvider timeProvider,
    ILogger<UploadProcessor> logger)
{
    /// <summary>
    /// Processes the named upload; null when it is no longer waiting (already processed), or, with
    /// <paramref name="version"/>, when the blob of that name is no longer that version.
    /// </summary>
    /// <exception cref="UploadNameException">The name cannot be addressed by the storage client; nothing was touched.</exception>
    public async Task<UploadOutcome?> ProcessAsync(string name, string? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        await using var upload = await uploads.OpenAsync(name, version, cancellationToken);
        if (upload is null)
        {
            LogNothingWaiting(name);
            return null;
        }

        var validator = validators.ForUpload(name);
        var result = await validator.ValidateAsync(upload.Content, name, upload.Length, cancellationToken);
        var sha256 = result.Report.Sha256 ?? await HashUnreadUploadAsync(upload, cancellationToken);
        if (sha256 is null)
        {
            LogChangedWhileProcessing(name);
            return null;
        }

        var report = result.Report with { Sha256 = sha256 };
        if (upload.Leased && await ledger.FindAsync(name, upload.Version, cancellationToken) is { } earlier && earlier.Sha256 == sha256)
        {
            // Processed by an earlier run that could not remove it: the work is done, only the removal is left to try.
            return await RemoveAgainAsync(upload, earlier, report, cancellationToken);
        }

        UploadStatus status;
        PreservedUpload kept;
        try
        {
            if (result.Return is { } valid)
            {
                status = await AcceptAsync(upload, validator.Dataset.Id, valid, sha256, cancellationToken);
                kept = await uploads.PreserveAsync(upload, sha256, Disposition.Accepted, reportJson: null, cancellationToken);
            }
            else
            {
                status = UploadStatus.Rejected;
                kept = await uploads.PreserveAsync(upload, sha256, Disposition.Rejected, ValidationReportJson.Serialize(report), cancellationToken);
            }
        }
        catch (UploadChangedException)
        {
            // Another client overwrote the upload after it was read; the new version has its own event and its own run.
            LogChangedWhileProcessing(name);
            return null;
        }

        var entry = new LedgerEntry(
            name,
            sha256,
            upload.Length,
            upload.UploadedAt,
            timeProvider.GetUtcNow(),
            status,
            report.Quarter,
            report.Errors.Count,
            report.Warnings.Count,
            kept.StoredAs,
            upload.Version);
        await ledger.RecordAsync(entry, cancellationToken);

        var notice = await RemoveAsync(upload, cancellationToken);
        if (notice is not null)
        {
            // The ledger says so too, so that the partner's status page and 'pipeline status' show why it is still there.
            await ledger.RecordAsync(entry with { Notice = notice }, cancellationToken);
        }

        LogProcessed(name, status, report.Quarter, sha256, report.Errors.Count, report.Warnings.Count);
        return Outcome(entry, kept.Container, kept.ReportName, report, notice);
    }

    /// <summary>
    /// Processes every upload waiting, in the order storage lists them (by name). One upload that fails does not stop
    /// the others: its failure is collected, and so is a failure to list, with the outcomes reached before it.
    /// </summary>
    /// <param name="dataset">Only the uploads of this dataset (by their first folder); null for all.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<PendingRun> ProcessPendingAsync(string? dataset = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<UploadOutcome>();
        var failures = new List<UploadFailure>();
        await using var names = uploads.ListPendingAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await names.MoveNextAsync())
                {
                    break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add(new UploadFailure(null, FirstLine(e)));
                LogListingFailed(e);
                break;
            }

            var name = names.Current;
            if (dataset is not null && validators.Datasets.ForUpload(name).Id != dataset)
            {
                continue;
            }

            try
            {
                if (await ProcessAsync(name, version: null, cancellationToken) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add(new UploadFailure(name, FirstLine(e)));
                LogUploadFailed(name, e);
            }
        }

        return new PendingRun(outcomes, failures);
    }

    /// <summary>What the ledger says became of exactly this version of an upload (processed by another run, say).</summary>
    public Task<LedgerEntry?> FindOutcomeAsync(string name, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(version);
        return ledger.FindAsync(name, version, cancellationToken);
    }

    private async Task<UploadOutcome> RemoveAgainAsync(OpenedUpload upload, LedgerEntry earlier, ValidationReport report, CancellationToken cancellationToken)
    {
        var notice = await RemoveAsync(upload, cancellationToken);
        var already = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Already processed at {earlier.ProcessedAt:yyyy-MM-dd'T'HH:mm:ssK} ({earlier.Status.ToWire()}); nothing was done again.");
        if (notice is null)
        {
            await ledger.RecordAsync(earlier with { Notice = null }, cancellationToken);
        }

        LogAlreadyProcessed(upload.Name, earlier.Status);
        return Outcome(earlier, container: null, reportName: null, report, notice is null ? already : $"{already} {notice}");
    }

    /// <summary>Removes the processed upload; a sentence for the partner when it could not be removed, else null.</summary>
    private async Task<string?> RemoveAsync(OpenedUpload upload, CancellationToken cancellationToken)
    {
        switch (await uploads.DeleteAsync(upload, cancellationToken))
        {
            case UploadRemoval.Leased:
                LogLeased(upload.Name);
                return LeasedNotice;
            case UploadRemoval.Changed:
                LogChangedWhileProcessing(upload.Name);
                return "A newer upload was written under this name while this one was processed; it is processed on its own.";
            default:
                return null;
        }
    }

    internal const string LeasedNotice =
        "Still waiting in uploads: another client holds a lease on the blob, so it could not be removed. " +
        "It is removed by the next run after the lease is released or broken.";

    private static UploadOutcome Outcome(LedgerEntry entry, string? container, string? reportName, ValidationReport report, string? notice) =>
        new(entry.File, entry.Status.ToWire(), entry.Quarter, entry.StoredAs, entry.Sha256, report)
        {
            Notice = notice,
            Container = container,
            ReportName = reportName,
            StillWaiting = notice is not null && notice.EndsWith(LeasedNotice, StringComparison.Ordinal),
        };

    /// <summary>One line for people: a retried request's last failure rather than the retry policy's summary of them.</summary>
    private static string FirstLine(Exception e) => e is AggregateException { InnerExceptions.Count: > 0 } aggregate
        ? FirstLine(aggregate.InnerExceptions[^1])
        : e.Message.Split('\n', 2)[0].TrimEnd('\r');

    private async Task<UploadStatus> AcceptAsync(OpenedUpload upload, string dataset, ValidatedReturn valid, string sha256, CancellationToken cancellationToken)
    {
        // Optimistic concurrency: read the quarter's current version, decide, write on condition that it is unchanged;
        // another writer in between makes the write fail and the decision is taken again against what it wrote.
        while (true)
        {
            var current = await quarters.GetAsync(dataset, valid.Quarter, cancellationToken);
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
                valid.Quarter, upload.Name, sha256, upload.UploadedAt, timeProvider.GetUtcNow(), valid.Areas, dataset);
            if (await quarters.TryReplaceAsync(next, current, cancellationToken))
            {
                return UploadStatus.Accepted;
            }

            LogConcurrentWrite(valid.Quarter);
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
        await using var again = await uploads.OpenAsync(upload.Name, upload.Version, cancellationToken);
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
}
