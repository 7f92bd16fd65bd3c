using Pipeline.Core.Ports;

namespace Pipeline.Core.Ingestion;

/// <summary>Every upload waiting, one failure never stopping the others; and outcomes recorded by other runs.</summary>
public sealed partial class UploadProcessor
{
    /// <summary>
    /// Processes every upload waiting, in the order storage lists them (by name). One upload that fails does not stop
    /// the others: its failure is collected, and so is a failure to list, with the outcomes reached before it.
    /// </summary>
    /// <param name="dataset">Only the uploads of this dataset (by their first folder); null for all.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public Task<PendingRun> ProcessPendingAsync(string? dataset = null, CancellationToken cancellationToken = default) =>
        ProcessWaitingAsync(u => dataset is null || validators.Datasets.ForUpload(u.Name).Id == dataset, recovered: false, cancellationToken);

    /// <summary>
    /// The safety net for uploads whose event never came (an Event Grid subscription missing, deleted or failing) or that
    /// went to poison: processes every upload that has waited at least <paramref name="minimumAge"/>, logging each as
    /// recovered. Younger ones are left to their own events. With nothing waiting it costs one list request.
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

            var waiting = names.Current;
            if (!include(waiting))
            {
                continue;
            }

            var name = waiting.Name;
            try
            {
                if (await ProcessAsync(name, version: null, cancellationToken) is { } outcome)
                {
                    outcomes.Add(outcome);
                    if (recovered)
                    {
                        LogRecovered(name, waiting.UploadedAt, outcome.Status);
                    }
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
}
