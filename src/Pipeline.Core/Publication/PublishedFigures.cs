using Pipeline.Core.Datasets;
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

    /// <summary>
    /// The published series of <paramref name="dataset"/> area by area, every area's or only <paramref name="area"/>'s
    /// (the spreadsheet's tables); null before any recalculation.
    /// </summary>
    public Task<SeriesAreas?> SeriesByAreaAsync(DatasetDefinition dataset, string? area, CancellationToken cancellationToken = default) =>
        series.ByAreaAsync(dataset, area, cancellationToken);

    /// <summary>The published revisions of <paramref name="dataset"/>, newest first.</summary>
    public Task<IReadOnlyList<QuarterRevision>> RevisionsAsync(DatasetDefinition dataset, CancellationToken cancellationToken = default) =>
        revisions.ListAsync(dataset, cancellationToken);
}
