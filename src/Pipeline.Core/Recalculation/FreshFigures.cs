using Microsoft.Extensions.Logging;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Returns;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Recalculation;

/// <summary>
/// Recalculates the dataset of every upload just accepted, so its summaries show the new figures at once on this
/// instance (and within the summary cache's minute on others) instead of after the nightly timer. A recalculation that finds nothing changed costs two reads;
/// one that fails is logged and left to the timer, and never fails the upload.
/// </summary>
public sealed class FreshFigures(RecalculationService recalculation, SummaryService summaries, SeriesService series, DatasetRegistry datasets, ILogger<FreshFigures> logger)
{
    /// <summary>Recalculates each dataset that one of <paramref name="outcomes"/> changed; the number recalculated.</summary>
    public async Task<int> RefreshAsync(IEnumerable<UploadOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var changed = outcomes.Where(o => o.Status == UploadStatus.Accepted).Select(o => datasets.ForUpload(o.File).Id).Distinct().ToList();
        var refreshed = 0;
        foreach (var dataset in changed)
        {
            try
            {
                if ((await recalculation.RecalculateAsync(force: false, only: dataset, cancellationToken)).Recomputed)
                {
                    summaries.Forget(dataset);
                    series.Forget(dataset);
                    refreshed++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                CoreLog.RefreshFailed(logger, dataset, e);
            }
        }

        return refreshed;
    }
}
