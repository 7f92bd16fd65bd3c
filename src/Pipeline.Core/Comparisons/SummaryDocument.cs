using Pipeline.Core.Calendar;

namespace Pipeline.Core.Comparisons;

/// <summary>
/// The summary body (docs/contract.md): one period's comparison of one dataset with the previous period. Written by
/// <c>SummaryJson</c> and <c>SummaryCsv</c>. <see cref="Basis"/>, <see cref="PreviousPeriod"/> and
/// <see cref="Status"/> follow from <see cref="Period"/> and <see cref="Quarters"/>, so they cannot disagree with them.
/// </summary>
/// <param name="Dataset">The dataset's id.</param>
/// <param name="Period">The current period; its basis is the document's basis.</param>
/// <param name="Quarters">The current period's quarters compared (those whose position was accepted in both years), in year order.</param>
/// <param name="ComputedAt">When the comparison was computed; <see cref="ComparisonCalculator"/> truncates it to whole seconds in UTC.</param>
/// <param name="Total">All areas together.</param>
/// <param name="Areas">Per area, ordered by code (ordinal).</param>
/// <param name="Sources">The accepted file behind every quarter used, previous and current, ordered by quarter.</param>
public sealed record SummaryDocument(
    string Dataset,
    Period Period,
    IReadOnlyList<Quarter> Quarters,
    DateTimeOffset ComputedAt,
    TotalComparison Total,
    IReadOnlyList<AreaComparison> Areas,
    IReadOnlyList<SummarySource> Sources)
{
    public YearBasis Basis => Period.Basis;

    /// <summary>Equal when every field, and every quarter, area and source in order, is equal.</summary>
    public bool Equals(SummaryDocument? other) =>
        other is not null &&
        Dataset == other.Dataset &&
        Period == other.Period &&
        ComputedAt == other.ComputedAt &&
        Total.Equals(other.Total) &&
        Quarters.SequenceEqual(other.Quarters) &&
        Areas.SequenceEqual(other.Areas) &&
        Sources.SequenceEqual(other.Sources);

    public override int GetHashCode() => HashCode.Combine(Dataset, Period, ComputedAt, Areas.Count);

    public Period PreviousPeriod => Period.Previous;

    public ComparisonStatus Status => Quarters.Count == 4 ? ComparisonStatus.Complete : ComparisonStatus.YearToDate;

    /// <summary>
    /// This document with <see cref="Areas"/> holding only the area <paramref name="code"/> (ordinal match); the total
    /// and sources stay those of all areas. Null when the comparison has no such area.
    /// </summary>
    public SummaryDocument? ForArea(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        foreach (var area in Areas)
        {
            if (string.Equals(area.Code, code, StringComparison.Ordinal))
            {
                return this with { Areas = [area] };
            }
        }

        return null;
    }
}
