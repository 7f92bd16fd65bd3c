using System.Collections.Concurrent;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Releases;

/// <summary>
/// Where a scheduled dataset's figures are read from (docs/contract.md section 11). A release's content is fixed by what
/// never changes, the accepted figures' history: every quarter up to its <c>through</c> as accepted at its instant. So
/// at the instant any request can make it, with no job having run: the first request (or the timer) after the instant
/// computes the release's documents, by the same code as a recalculation (<see cref="RecalculationService.StoreAsync"/>),
/// stamped with the instant as <c>computedAt</c>, and stores them under the release's own key; every later read serves
/// those, byte for byte. Two instances doing it at once write the same bytes. A preview is the coming release made
/// from the figures accepted so far, kept under a key of its own and remade when they change.
/// </summary>
public sealed class ReleaseSnapshots(
    IReleaseCalendar calendar,
    IAcceptedQuarterStore quarters,
    IComparisonStore comparisons,
    RecalculationService recalculation,
    SummaryService summaries,
    SeriesService series,
    TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, bool> _frozen = new(StringComparer.Ordinal);

    /// <summary>The key a release's frozen documents are stored under.</summary>
    public static string KeyOf(Release release) => "release." + (release ?? throw new ArgumentNullException(nameof(release))).Id;

    /// <summary>The key a release's preview is stored under.</summary>
    public static string PreviewKeyOf(Release release) => "preview." + (release ?? throw new ArgumentNullException(nameof(release))).Id;

    /// <summary>The dataset's releases, latest instant first.</summary>
    public async Task<IReadOnlyList<Release>> CalendarAsync(DatasetDefinition dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return [.. (await calendar.ListAsync(dataset.Id, cancellationToken)).OrderByDescending(r => r.PublishAt)];
    }

    /// <summary>The release published last at <paramref name="now"/> and the next one due, either null when there is none.</summary>
    public async Task<(Release? Published, Release? Next)> TimelineAsync(DatasetDefinition dataset, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var releases = await CalendarAsync(dataset, cancellationToken);
        return (releases.FirstOrDefault(r => r.IsPublishedAt(now)), releases.LastOrDefault(r => !r.IsPublishedAt(now)));
    }

    /// <summary>What the public sees of <paramref name="dataset"/> now: the store key of its last published release's documents (made now if they are not yet), or why there is nothing.</summary>
    public async Task<FiguresView> PublishedAsync(DatasetDefinition dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var now = timeProvider.GetUtcNow();
        var (published, next) = await TimelineAsync(dataset, now, cancellationToken);
        if (published is null)
        {
            var due = next is null ? "No release is scheduled yet." : $"The first release is due at {ReleaseTime.ForPeople(next.PublishAt, dataset.Publication!)}.";
            return new FiguresView(null, null, next, $"No figures of {dataset.Id} are published yet: they are published in scheduled releases. {due}");
        }

        return new FiguresView(await FreezeAsync(dataset, published, cancellationToken), published, next, null);
    }

    /// <summary>The store key of <paramref name="coming"/>'s preview, made from the figures accepted so far (remade only when they changed).</summary>
    public async Task<FiguresView> PreviewAsync(DatasetDefinition dataset, Release coming, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(coming);
        var key = PreviewKeyOf(coming);
        var records = (await quarters.ListAsync(cancellationToken)).Where(r => r.Dataset == dataset.Id && r.Quarter <= coming.Through).ToList();
        var fingerprint = RecalculationService.Fingerprint(dataset, records, recalculation.AreasOf(dataset));
        if (!(await comparisons.GetInputFingerprintsAsync(cancellationToken)).TryGetValue(key, out var stored) || stored != fingerprint)
        {
            var marking = await MarkingAsync(dataset, coming, cancellationToken);
            await recalculation.StoreAsync(key, dataset, await recalculation.ReadFiguresAsync(records, cancellationToken), coming.PublishAt, fingerprint, marking, cancellationToken);
            summaries.Forget(key);
            series.Forget(key);
        }

        return new FiguresView(key, coming, coming, null);
    }

    /// <summary>The corrections published with <paramref name="release"/> (accepted by its instant, of quarters it holds), or with its preview: every correction so far.</summary>
    public async Task<IReadOnlyList<QuarterRevision>> RevisionsAsync(DatasetDefinition dataset, Release release, bool preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(release);
        return [.. (await quarters.ListRevisionsAsync(dataset.Id, cancellationToken))
            .Where(r => r.Quarter <= release.Through && (preview || r.AcceptedAt <= release.PublishAt))
            .OrderByDescending(r => r.AcceptedAt).ThenByDescending(r => r.Quarter).ThenByDescending(r => r.Revision)];
    }

    /// <summary>The records a release holds: every quarter up to its <c>through</c> as accepted at its instant.</summary>
    public async Task<IReadOnlyList<AcceptedQuarterRecord>> RecordsAsync(DatasetDefinition dataset, Release release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(release);
        var current = (await quarters.ListAsync(cancellationToken)).Where(r => r.Dataset == dataset.Id);
        return AcceptedHistory.AsAt(current, await quarters.ListRevisionsAsync(dataset.Id, cancellationToken), release.PublishAt, release.Through);
    }

    /// <summary>Makes the published release's documents unless they are made already; its store key.</summary>
    public async Task<string> FreezeAsync(DatasetDefinition dataset, Release release, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(release);
        if (_frozen.ContainsKey(key) || (await comparisons.GetInputFingerprintsAsync(cancellationToken)).ContainsKey(key))
        {
            _frozen[key] = true;
            return key;
        }

        var marking = await MarkingAsync(dataset, release, cancellationToken);
        var records = await RecordsAsync(dataset, release, cancellationToken);
        var fingerprint = RecalculationService.Fingerprint(dataset, records, recalculation.AreasOf(dataset));
        if (await recalculation.StoreAsync(key, dataset, await recalculation.ReadFiguresAsync(records, cancellationToken), release.PublishAt, fingerprint, marking, cancellationToken) is not null)
        {
            _frozen[key] = true;
        }

        return key;
    }

    /// <summary>
    /// The [p] and [r] marks of <paramref name="release"/>'s documents (<see cref="ReleaseMarks"/>), from the dataset's
    /// releases published before it, each frozen first (oldest first) if it is not yet.
    /// </summary>
    private async Task<DocumentMarking> MarkingAsync(DatasetDefinition dataset, Release release, CancellationToken cancellationToken)
    {
        var earlier = (await CalendarAsync(dataset, cancellationToken)).Where(r => r.PublishAt < release.PublishAt).Reverse().ToList();
        foreach (var before in earlier)
        {
            await FreezeAsync(dataset, before, cancellationToken);
        }

        return ReleaseMarks.Marking(await ReleaseMarks.ReadAsync(comparisons, dataset, release, earlier, cancellationToken), release, earlier);
    }
}

/// <summary>
/// Where figures are read from: <see cref="Key"/> the store key of the documents (null when nothing is published, with
/// <see cref="Absent"/> saying why and when the first release is due); the release they are of, and the next one due.
/// </summary>
public sealed record FiguresView(string? Key, Release? Release, Release? Next, string? Absent);
