using Pipeline.Core.Calendar;

namespace Pipeline.Core.Comparisons;

/// <summary>
/// A comparison the accepted quarters allow, before any arithmetic: its period, its status and the accepted files it
/// rests on (previous period's first, as the document lists them), and <see cref="Compute"/>, which makes its document.
/// </summary>
public sealed record PlannedComparison(Period Period, ComparisonStatus Status, IReadOnlyList<SummarySource> Sources, Func<SummaryDocument> Compute)
{
    public YearBasis Basis => Period.Basis;
}
