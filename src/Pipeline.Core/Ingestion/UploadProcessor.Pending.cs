using Pipeline.Core.Ports;

namespace Pipeline.Core.Ingestion;

/// <summary>Every upload waiting, one failure never stopping the others; and outcomes recorded by other runs.</summary>
public sealed partial class UploadProcessor
{
    /// <summary>
    /// Processes every upload waiting, in the order storage lists them (by name). One upload that fails does not stop
    /// the others: its failure is collected, and so is a failure to list (the uploads listed before it are processed).
    /// Storage that cannot be reached does stop the run, at the first upload it happens to: every other would fail the
    /// same way, one retry policy after another. The run then says how many uploads it left waiting
    /// (<see cref="PendingRun.Outage"/>), with the outcomes reached before it.
    /// </summary>
    /// <param name="dataset">Only the uploads of this dataset (by their first folder); null for all.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public Task<PendingRun> ProcessPendingAsync(string? dataset = null, CancellationToken cancellationToken = default) =>
        ProcessWaitingAsync(u => dataset is null || validators.Datasets.ForUpload(u.Name).Id == dataset, recovered: false, cancellationToken);

    /// <summary>
    /// The safety net for uploads whose event never came (an Event Grid subscription missing, deleted or failing) or that
    /// went to poison: processes every upload that has waited at least <paramref name="minimumAge"/>, logging each as
    /// recovered. Younger ones are left to their own events. With nothing waiting it costs one list request. It stops,
    /// as <see cref="ProcessPendingAsync"/> does, when storage cannot be reached.
    /// </summary>
    public Task<PendingRun> RecoverAsync(TimeSpan minimumAge, CancellationToken cancellationToken = default)
    {
        var before = timeProvider.GetUtcNow() - minimumAge;
        return ProcessWaitingAsync(u => u.UploadedAt <= before, recovered: true, cancellationToken);
    }

    private async Task<PendingRun> ProcessWaitingAsync(Func<WaitingUpload, bool> include, bool recovered, CancellationToken cancellationToken)
    {
        var outcomes = new List<UploadOutcome>();
        var failures = new List<UploadFailure>();

        // Listed in full before any is processed, so that a run that loses storage can say how many it leaves waiting.
        // A name and a time each: even thousands waiting after an outage are a few hundred kilobytes.
        var waiting = new List<WaitingUpload>();
        var listingCut = false;
        try
        {
            await foreach (var upload in uploads.ListPendingAsync(cancellationToken))
            {
                if (include(upload))
                {
                    waiting.Add(upload);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            CoreLog.ListingFailed(logger, e);
            if (faults.IsUnreachable(e))
            {
                return new PendingRun(outcomes, failures) { Outage = new StorageOutage(null, FirstLine(e), waiting.Count, ListingCut: true) };
            }

            listingCut = true;
            failures.Add(new UploadFailure(null, FirstLine(e)));
        }

        for (var i = 0; i < waiting.Count; i++)
        {
            var (name, uploadedAt) = (waiting[i].Name, waiting[i].UploadedAt);
            try
            {
                if (await ProcessAsync(name, version: null, cancellationToken) is { } outcome)
                {
                    outcomes.Add(outcome);
                    if (recovered)
                    {
                        CoreLog.Recovered(logger, name, uploadedAt, outcome.Status);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (faults.IsUnreachable(e))
                {
                    CoreLog.StorageUnreachable(logger, name, waiting.Count - i, e);
                    return new PendingRun(outcomes, failures) { Outage = new StorageOutage(name, FirstLine(e), waiting.Count - i, listingCut) };
                }

                failures.Add(new UploadFailure(name, FirstLine(e)));
                CoreLog.UploadFailed(logger, name, e);
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
}
