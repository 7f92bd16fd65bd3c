using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Disclosure;
using Pipeline.Core.Releases;
using Pipeline.Core.Returns;
using Pipeline.Core.Revisions;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Publication;

/// <summary>
/// The one place that decides what the public may see (docs/contract.md section 10): every public read of figures goes
/// through here, the HTTP API's summary, series and revisions, the dashboard and its downloads, and <c>pipeline summary</c>
/// and <c>pipeline revisions</c>, which show operators what the public sees. A dataset published continuously (the
/// default) shows every accepted figure as soon as it is computed. A scheduled dataset (section 11) shows its last
/// published release's frozen documents and nothing else (<see cref="ReleaseSnapshots"/>): before its first release, a
/// 404 that says when it is due. With <c>preview</c> (a release in its pre-release window; the caller's right to it is
/// checked by the hosts) the coming release is read instead. Disclosure control (section 12) narrows what this returns,
/// here and nowhere else.
/// </summary>
public sealed class PublishedFigures(SummaryService summaries, SeriesService series, RevisionLog revisions, ReleaseSnapshots releases, ReleasedVersions released, DatasetRegistry datasets)
{
    /// <summary>The published summary for the request's parameters (docs/contract.md section 5).</summary>
    public async Task<SummaryResponse> SummaryAsync(IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default) =>
        SummaryRequest.TryParse(parameters, out var request, out var problem)
            ? await SummaryAsync(request, cancellationToken)
            : SummaryResponse.From(SummaryResult.BadParameter, problem!);

    /// <inheritdoc cref="SummaryAsync(IEnumerable{KeyValuePair{string, string?}}, CancellationToken)"/>
    public Task<SummaryResponse> SummaryAsync(SummaryRequest request, CancellationToken cancellationToken = default) =>
        SummaryAsync(request, preview: null, cancellationToken);

    /// <summary>The summary of <paramref name="request"/>: published, or of the coming release <paramref name="preview"/>.</summary>
    public async Task<SummaryResponse> SummaryAsync(SummaryRequest request, Release? preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!datasets.TryGet(request.Dataset, out var dataset) || !dataset.IsScheduled)
        {
            return await summaries.GetAsync(request, cancellationToken);
        }

        var view = await ViewAsync(dataset, preview, cancellationToken);
        return view.Key is { } key ? await summaries.GetAsync(request, key, cancellationToken) : Absent(view);
    }

    /// <summary>The published summary for <paramref name="request"/>, holding only the areas of <paramref name="codes"/> (a page of the dashboard's table).</summary>
    public async Task<SummaryResponse> SummaryForAreasAsync(SummaryRequest request, IReadOnlyCollection<string> codes, Release? preview = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!datasets.TryGet(request.Dataset, out var dataset) || !dataset.IsScheduled)
        {
            return await summaries.GetAreasAsync(request, codes, cancellationToken);
        }

        var view = await ViewAsync(dataset, preview, cancellationToken);
        return view.Key is { } key ? await summaries.GetAreasAsync(request, codes, key, cancellationToken) : Absent(view);
    }

    /// <summary>The published series for the request's parameters (docs/contract.md section 7).</summary>
    public Task<SummaryResponse> SeriesAsync(IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default) =>
        SeriesAsync(parameters, preview: null, cancellationToken);

    /// <summary>The series for the request's parameters: published, or of the coming release <paramref name="preview"/>.</summary>
    public Task<SummaryResponse> SeriesAsync(IEnumerable<KeyValuePair<string, string?>> parameters, Release? preview, CancellationToken cancellationToken = default) =>
        series.GetAsync(parameters, async dataset =>
        {
            if (!dataset.IsScheduled)
            {
                return (dataset.Id, null);
            }

            var view = await ViewAsync(dataset, preview, cancellationToken);
            return (view.Key, view.Key is null ? Absent(view) : null);
        }, cancellationToken);

    /// <summary>
    /// What a page shows of the published series of <paramref name="dataset"/>: every quarter's totals, and
    /// <paramref name="area"/>'s figures if given, with the whole series' hash; null before any recalculation (or release)
    /// or when no quarter has the area.
    /// </summary>
    public async Task<(SeriesDocument Document, string Sha256)?> SeriesViewAsync(DatasetDefinition dataset, string? area, Release? preview = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.IsScheduled)
        {
            return await series.ViewAsync(dataset, area, cancellationToken);
        }

        var view = await ViewAsync(dataset, preview, cancellationToken);
        return view.Key is { } key ? await series.ViewAsync(dataset, area, key, cancellationToken) : null;
    }

    /// <summary>The published revisions of <paramref name="dataset"/>, newest first: of a scheduled dataset, those its last release published.</summary>
    public async Task<IReadOnlyList<QuarterRevision>> RevisionsAsync(DatasetDefinition dataset, Release? preview = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.IsScheduled)
        {
            return await ProtectAsync(dataset, await revisions.ListAsync(dataset, cancellationToken), () => series.ViewAsync(dataset, null, cancellationToken));
        }

        var view = await ViewAsync(dataset, preview, cancellationToken);
        return view.Release is { } release
            ? await ProtectAsync(
                dataset,
                await releases.RevisionsAsync(dataset, release, preview is not null, cancellationToken),
                () => series.ViewAsync(dataset, null, view.Key!, cancellationToken),
                () => released.TotalsAsync(dataset, cancellationToken))
            : [];
    }

    /// <summary>
    /// <paramref name="log"/> as the public may see it. For a dataset with a disclosure rule, each quarter's latest totals
    /// are shown as its published series (<paramref name="publishedSeries"/>) shows them (withheld where it withholds
    /// them, and rounded), and every replaced version's totals, which no other published figure sums, are withheld when
    /// small and rounded otherwise (docs/method.md); of a scheduled dataset, a version an earlier release published is
    /// shown as that release showed it (<paramref name="releasedTotals"/>).
    /// </summary>
    private static async Task<IReadOnlyList<QuarterRevision>> ProtectAsync(
        DatasetDefinition dataset,
        IReadOnlyList<QuarterRevision> log,
        Func<Task<(SeriesDocument Document, string Sha256)?>> publishedSeries,
        Func<Task<IReadOnlyDictionary<(Quarter Quarter, int Revision), IReadOnlyList<long>>>>? releasedTotals = null)
    {
        if (dataset.Disclosure is not { } rule || log.Count == 0)
        {
            return log;
        }

        var published = (await publishedSeries())?.Document.Quarters.ToDictionary(q => q.Quarter, q => q.Total);
        var released = releasedTotals is null ? null : await releasedTotals();
        var latest = log.GroupBy(r => r.Quarter).ToDictionary(g => g.Key, g => g.Max(r => r.Revision));
        return [.. log.Select(r => DisclosureControl.Protect(
            r,
            rule,
            latest[r.Quarter] == r.Revision ? published?.GetValueOrDefault(r.Quarter) : released?.GetValueOrDefault((r.Quarter, r.Revision)),
            released?.GetValueOrDefault((r.Quarter, r.Revision - 1))))];
    }

    /// <summary>Where a scheduled dataset's figures are read from: its last published release, or the coming one's preview.</summary>
    public Task<FiguresView> ViewAsync(DatasetDefinition dataset, Release? preview, CancellationToken cancellationToken = default) =>
        preview is null ? releases.PublishedAsync(dataset, cancellationToken) : releases.PreviewAsync(dataset, preview, cancellationToken);

    private static SummaryResponse Absent(FiguresView view) =>
        SummaryResponse.From(SummaryResult.NotFound, SummaryProblem.NotFound(view.Absent!));

    /// <summary>
    /// The published series of <paramref name="dataset"/> area by area, every area's or only <paramref name="area"/>'s
    /// (the spreadsheet's tables): of a scheduled dataset, its last published release's; null before any recalculation
    /// (or release).
    /// </summary>
    public async Task<SeriesAreas?> SeriesByAreaAsync(DatasetDefinition dataset, string? area, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.IsScheduled)
        {
            return await series.ByAreaAsync(dataset, area, cancellationToken);
        }

        var view = await ViewAsync(dataset, null, cancellationToken);
        return view.Key is { } key ? await series.ByAreaAsync(dataset, area, key, cancellationToken) : null;
    }
}
