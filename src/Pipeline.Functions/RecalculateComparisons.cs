using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Recalculation;

namespace Pipeline.Functions;

/// <summary>On the <c>RecalcSchedule</c> (NCRONTAB): recompute the annual comparisons if anything was accepted since.</summary>
public sealed class RecalculateComparisons(RecalculationService recalculation, ILogger<RecalculateComparisons> logger)
{
    [Function(nameof(RecalculateComparisons))]
    public async Task RunAsync([TimerTrigger("%RecalcSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.IsPastDue)
        {
            FunctionsLog.RecalculationTimerLate(logger);
        }

        var result = await recalculation.RecalculateAsync(force: false, only: null, cancellationToken);
        FunctionsLog.RecalculationTimerDone(logger, result.Recomputed, result.Comparisons, result.Quarters);
    }
}
