using System.Text.Json.Serialization;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Summaries;

/// <summary>
/// The summary body of the contract's section 5: one period's comparison with the previous period. Serialised by
/// <see cref="SummaryJson"/> and <see cref="SummaryCsv"/>. <see cref="Basis"/>, <see cref="PreviousPeriod"/> and
/// <see cref="Status"/> follow from <see cref="Period"/> and <see cref="Quarters"/>, so they cannot disagree with them.
/// </summary>
/// <param name="Period">The current period; its basis is the document's basis.</param>
/// <param name="Quarters">The current period's quarters compared (those whose position was accepted in both years), in year order.</param>
/// <param name="ComputedAt">When the comparison was computed; <see cref="ComparisonCalculator"/> truncates it to whole seconds in UTC.</param>
/// <param name="Total">All areas together.</param>
/// <param name="Areas">Per area, ordered by code (ordinal).</param>
/// <param name="Sources">The accepted file behind every quarter used, previous and current, ordered by quarter.</param>
public sealed record SummaryDocument(
    [property: JsonPropertyName("period"), JsonPropertyOrder(2)] Period Period,
    [property: JsonPropertyName("quarters"), JsonPropertyOrder(5)] IReadOnlyList<Quarter> Quarters,
    [property: JsonPropertyName("computedAt"), JsonPropertyOrder(6)] DateTimeOffset ComputedAt,
    [property: JsonPropertyName("total"), JsonPropertyOrder(7)] TotalComparison Total,
    [property: JsonPropertyName("areas"), JsonPropertyOrder(8)] IReadOnlyList<AreaComparison> Areas,
    [property: JsonPropertyName("sources"), JsonPropertyOrder(9)] IReadOnlyList<SummarySource> Sources)
{
    public const string DatasetName = "serious-youth-violence";

    [JsonPropertyName("dataset")]
    [JsonPropertyOrder(0)]
    public string Dataset => DatasetName;

    [JsonPropertyName("basis")]
    [JsonPropertyOrder(1)]
    public YearBasis Basis => Period.Basis;

    [JsonPropertyName("previousPeriod")]
    [JsonPropertyOrder(3)]
    public Period PreviousPeriod => Period.Previous;

    [JsonPropertyName("status")]
    [JsonPropertyOrder(4)]
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
