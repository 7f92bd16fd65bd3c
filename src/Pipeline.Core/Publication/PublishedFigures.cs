using Pipeline.Core.Datasets;
using Pipeline.Core.Disclosure;
using Pipeline.Core.Returns;
using Pipeline.Core.Revisions;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Publication;

/// <summary>
/// The one place that decides what the public may see (docs/contract.md section 10): every public read of figures goes
/// through here, the HTTP API's summary, series and revisions, the dashboard and its downloads, and <c>pipeline summary</c>
/// and <c>pipeline revisions</c>, which show operators what the public sees. Today every accepted figure is published as
/// soon as it is accepted (continuous publication, the default of every dataset); scheduled releases (section 11) and
/// disclosure control (section 12) narrow what this returns, here and nowhere else.
/// </summary>
public sealed class PublishedFigures(SummaryService summaries, SeriesService series, RevisionLog revisions)
{
    /// <summary>The published summary for the request's parameters (docs/contract.md section 5).</summary>
    public Task<SummaryResponse> SummaryAsync(IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default) =>
        summaries.GetAsync(parameters, cancellationToken);

    /// <inheritdoc cref="SummaryAsync(IEnumerable{KeyValuePair{string, string?}}, CancellationToken)"/>
    public Task<SummaryResponse> SummaryAsync(SummaryRequest request, CancellationToken cancellationToken = default) =>
        summaries.GetAsync(request, cancellationToken);

    /// <summary>The published summary for <paramref name="request"/>, holding only the areas of <paramref name="codes"/> (a page of the dashboard's table).</summary>
    public Task<SummaryResponse> SummaryForAreasAsync(SummaryRequest request, IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) =>
        summaries.GetAreasAsync(request, codes, cancellationToken);

    /// <summary>The published series for the request's parameters (docs/contract.md section 7).</summary>
    public Task<SummaryResponse> SeriesAsync(IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default) =>
        series.GetAsync(parameters, cancellationToken);

    /// <summary>
    /// What a page shows of the published series of <paramref name="dataset"/>: every quarter's totals, and
    /// <paramref name="area"/>'s figures if given, with the whole series' hash; null before any recalculation or when
    /// no quarter has the area.
    /// </summary>
    public Task<(SeriesDocument Document, string Sha256)?> SeriesViewAsync(DatasetDefinition dataset, string? area, CancellationToken cancellationToken = default) =>
        series.ViewAsync(dataset, area, cancellationToken);

    /// <summary>The published revisions of <paramref name="dataset"/>, newest first.</summary>
    /// <remarks>
    /// For a dataset with a disclosure rule, each quarter's latest totals are shown as its published series shows them
    /// (withheld where it withholds them, and rounded), and every replaced version's totals, which no other published
    /// figure sums, are withheld when small and rounded otherwise (docs/method.md).
    /// </remarks>
    public async Task<IReadOnlyList<QuarterRevision>> RevisionsAsync(DatasetDefinition dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var log = await revisions.ListAsync(dataset, cancellationToken);
        if (dataset.Disclosure is not { } rule || log.Count == 0)
        {
            return log;
        }

        var published = (await series.ViewAsync(dataset, null, cancellationToken))?.Document.Quarters.ToDictionary(q => q.Quarter, q => q.Total);
        var latest = log.GroupBy(r => r.Quarter).ToDictionary(g => g.Key, g => g.Max(r => r.Revision));
        return [.. log.Select(r => DisclosureControl.Protect(r, rule, latest[r.Quarter] == r.Revision ? published?.GetValueOrDefault(r.Quarter) : null))];
    }
}
