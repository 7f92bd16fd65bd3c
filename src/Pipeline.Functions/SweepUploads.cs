using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Recalculation;

namespace Pipeline.Functions;

/// <summary>
/// Every ten minutes (<c>%SweepSchedule%</c>): processes any upload that has waited more than five minutes, so an upload
/// whose Event Grid event never came, or that went to poison, is not left behind. One list request when nothing waits.
/// </summary>
public sealed class SweepUploads(UploadProcessor processor, FreshFigures freshFigures, ILogger<SweepUploads> logger)
{
    /// <summary>How long an upload may wait for its own event before the sweep takes it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    [Function(nameof(SweepUploads))]
    public async Task RunAsync([TimerTrigger("%SweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var run = await processor.RecoverAsync(Grace, cancellationToken);
        if (run.Outage is { } outage)
        {
            // Storage is not answering: the rest waits for the next sweep, and the figures for the timer.
            FunctionsLog.SweepStopped(logger, run.Outcomes.Count, outage.LeftWaiting);
            return;
        }

        await freshFigures.RefreshAsync(run.Outcomes, cancellationToken);
        if (run.Outcomes.Count > 0 || run.Failures.Count > 0)
        {
            FunctionsLog.SweepRecovered(logger, run.Outcomes.Count, run.Failures.Count);
        }
    }
}
