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
}
