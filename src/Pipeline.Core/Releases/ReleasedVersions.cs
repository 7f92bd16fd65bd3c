using System.Collections.Concurrent;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Series;

namespace Pipeline.Core.Releases;

/// <summary>
/// Which version of each quarter every published release of a scheduled dataset held, and the totals its series
/// published for it (withheld ones as <see cref="Withheld.Count"/>): so that a version a later correction replaced is
/// shown in the revision log as the release that published it showed it (docs/method.md, "Disclosure control"), never
/// rounded where that release withheld it. A published release never changes, so each is read once.
/// </summary>
public sealed class ReleasedVersions(ReleaseSnapshots snapshots, SeriesService series, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<(Quarter Quarter, int Revision, IReadOnlyList<long> Totals)>> _read = new(StringComparer.Ordinal);

    /// <summary>The totals published for each version (quarter, revision) by a release published so far.</summary>
    public async Task<IReadOnlyDictionary<(Quarter Quarter, int Revision), IReadOnlyList<long>>> TotalsAsync(DatasetDefinition dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var now = timeProvider.GetUtcNow();
        var totals = new Dictionary<(Quarter, int), IReadOnlyList<long>>();
        foreach (var release in (await snapshots.CalendarAsync(dataset, cancellationToken)).Where(r => r.IsPublishedAt(now)))
        {
            if (!_read.TryGetValue(release.Id, out var held))
            {
                held = _read[release.Id] = await ReadAsync(dataset, release, cancellationToken);
            }

            foreach (var (quarter, revision, published) in held)
            {
                totals[(quarter, revision)] = published;
            }
        }

        return totals;
    }

    private async Task<IReadOnlyList<(Quarter, int, IReadOnlyList<long>)>> ReadAsync(DatasetDefinition dataset, Release release, CancellationToken cancellationToken)
    {
        var records = await snapshots.RecordsAsync(dataset, release, cancellationToken);
        if (records.Count == 0)
        {
            return [];
        }

        var key = await snapshots.FreezeAsync(dataset, release, cancellationToken);
        var document = (await series.ViewAsync(dataset, null, key, cancellationToken))?.Document
            ?? throw new InvalidOperationException($"Release {release.Id} holds quarters, but its series was not stored under '{key}'.");
        var byQuarter = document.Quarters.ToDictionary(q => q.Quarter, q => q.Total);
        return [.. records.Where(r => byQuarter.ContainsKey(r.Quarter)).Select(r => (r.Quarter, r.Revision, byQuarter[r.Quarter]))];
    }
}
