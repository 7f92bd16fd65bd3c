using Pipeline.Core.Calendar;

namespace Pipeline.Core.Comparisons;

/// <summary>
/// Which periods a set of accepted quarters gives a comparison, and which quarter positions each compares: the rule
/// <see cref="ComparisonCalculator"/> computes by, so a reader that holds only the list of accepted quarters (the
/// dashboard, from the series) names the same periods the recalculation stored.
/// </summary>
public static class ComparablePeriods
{
    /// <summary>Every period of <paramref name="basis"/> the quarters give a comparison, in period order, with its status.</summary>
    public static IReadOnlyList<(Period Period, ComparisonStatus Status)> Of(YearBasis basis, IEnumerable<Quarter> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var set = accepted.ToHashSet();
        return [.. set.Select(q => basis == YearBasis.Rolling ? Period.EndingWith(q) : Period.Containing(basis, q))
            .Distinct()
            .Order()
            .Select(p => (Period: p, Positions: Positions(p, set.Contains).Count))
            .Where(p => p.Positions > 0 && (basis != YearBasis.Rolling || p.Positions == 4))
            .Select(p => (p.Period, p.Positions == 4 ? ComparisonStatus.Complete : ComparisonStatus.YearToDate))];
    }

    /// <summary>
    /// The positions (1 to 4) of <paramref name="period"/> accepted in it and in the period before: the like-for-like
    /// quarters. A period with none has no comparison; a rolling period needs all four.
    /// </summary>
    internal static List<int> Positions(Period period, Func<Quarter, bool> isAccepted)
    {
        var previous = period.Previous;
        return [.. Enumerable.Range(1, 4).Where(p => isAccepted(period.QuarterAt(p)) && isAccepted(previous.QuarterAt(p)))];
    }
}
