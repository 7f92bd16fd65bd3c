using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Summaries;

namespace Pipeline.Functions;

/// <summary>On the <c>RecalcSchedule</c> (NCRONTAB): recompute the annual comparisons if anything was accepted since.</summary>
public sealed partial class RecalculateComparisons(RecalculationService recalculation, ILogger<RecalculateComparisons> logger)
{
    [Function(nameof(RecalculateComparisons))]
    public async Task RunAsync([TimerTrigger("%RecalcSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.IsPastDue)
        {
            LogPastDue();
        }

        var result = await recalculation.RecalculateAsync(force: false, only: null, cancellationToken);
        LogDone(result.Recomputed, result.Comparisons, result.Quarters);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "The recalculation timer is running late")]
    private partial void LogPastDue();

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Recalculation timer: recomputed {Recomputed}, {Comparisons} comparisons from {Quarters} quarters")]
    private partial void LogDone(bool recomputed, int comparisons, int quarters);
}
