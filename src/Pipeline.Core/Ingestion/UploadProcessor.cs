using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Ports;
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
    IStorageFaults faults,
    ReturnValidators validators,
    TimeProvider timeProvider,
    ILogger<UploadProcessor> logger)
{
    /// <summary>
    /// Processes the named upload, found in storage (by the blob trigger, <c>pipeline process</c>, the sweep); null when it
    /// is no longer waiting (already processed), or, with <paramref name="version"/>, when the blob of that name is no
    /// longer that version. Its sender is the one the app recorded when it created this version
    /// (<see cref="TryCreateAsync"/>), else <see cref="UploadSenders.Storage"/>.
    /// </summary>
    /// <exception cref="UploadNameException">The name cannot be addressed by the storage client; nothing was touched.</exception>
    public Task<UploadOutcome?> ProcessAsync(string name, string? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return ProcessUploadAsync(name, version, sentBy: null, cancellationToken);
    }

    /// <summary>
    /// Processes exactly the version of the named upload that the app created for <paramref name="sentBy"/>
    /// (<see cref="TryCreateAsync"/>), recording that sender; null when that version is no longer waiting.
    /// </summary>
    /// <exception cref="UploadNameException">The name cannot be addressed by the storage client; nothing was touched.</exception>
    public Task<UploadOutcome?> ProcessAsync(string name, string version, string sentBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentException.ThrowIfNullOrEmpty(sentBy);
        return ProcessUploadAsync(name, version, sentBy, cancellationToken);
    }

    private async Task<UploadOutcome?> ProcessUploadAsync(string name, string? version, string? sentBy, CancellationToken cancellationToken)
    {
        await using var upload = await uploads.OpenAsync(name, version, cancellationToken);
        if (upload is null)
        {
            CoreLog.NothingWaiting(logger, name);
            return null;
        }

        var validator = validators.ForUpload(name);
        var result = await validator.ValidateAsync(upload.Content, name, upload.Length, cancellationToken);
        var sha256 = result.Report.Sha256 ?? await HashUnreadUploadAsync(upload, cancellationToken);
        if (sha256 is null)
        {
            CoreLog.ChangedWhileProcessing(logger, name);
            return null;
        }

        var report = result.Report with { Sha256 = sha256 };
        if (upload.Leased && await ledger.FindAsync(name, upload.Version, cancellationToken) is { } earlier && earlier.Sha256 == sha256)
        {
            // Processed by an earlier run that could not remove it: the work is done, only the removal is left to try.
            return await RemoveAgainAsync(upload, earlier, report, cancellationToken);
        }

        var sender = sentBy ?? await SenderOfAsync(upload, cancellationToken);

        UploadStatus status;
        PreservedUpload kept;
        try
        {
            if (result.Return is { } valid)
            {
                status = await AcceptAsync(upload, validator.Dataset.Id, valid, sha256, sender, cancellationToken);
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
            CoreLog.ChangedWhileProcessing(logger, name);
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
            sender,
            upload.Version,
            ReportJson: ValidationReportJson.Serialize(report));
        await ledger.RecordAsync(entry, cancellationToken);

        var removal = await RemoveAsync(upload, cancellationToken);
        var notice = NoticeOf(removal);
        if (notice is not null)
        {
            // The ledger says so too, so that the partner's status page and 'pipeline status' show why it is still there.
            await ledger.RecordAsync(entry with { Notice = notice }, cancellationToken);
        }

        CoreLog.Processed(logger, name, status, report.Quarter, sha256, report.Errors.Count, report.Warnings.Count);
        return Outcome(entry, kept.Container, kept.ReportName, report, notice, removal);
    }

    private async Task<UploadStatus> AcceptAsync(
        OpenedUpload upload, string dataset, ValidatedReturn valid, string sha256, string sentBy, CancellationToken cancellationToken)
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

            // A correction is the next revision of the quarter; the first version ever accepted is revision 1.
            var next = new AcceptedQuarter(
                valid.Quarter, upload.Name, sha256, upload.UploadedAt, timeProvider.GetUtcNow(), valid.Areas, dataset, (current?.Quarter.Revision ?? 0) + 1, sentBy,
                upload.Note.Reason, upload.Note.Kind);
            if (await quarters.TryReplaceAsync(next, current, cancellationToken))
            {
                return UploadStatus.Accepted;
            }

            CoreLog.ConcurrentWrite(logger, valid.Quarter);
        }
    }

    /// <summary>
    /// Whether the accepted figures come from an upload made after this one: the later upload wins, so a late or
    /// repeated delivery of an older upload cannot undo a correction. Storage gives creation times to the second;
    /// within one second the order is unknowable, and the upload processed last wins.
    /// </summary>
    private static bool IsLater(AcceptedQuarterRecord existing, OpenedUpload upload) => existing.UploadedAt > upload.UploadedAt;

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
}
