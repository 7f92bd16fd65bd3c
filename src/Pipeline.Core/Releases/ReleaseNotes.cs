using System.Collections.Concurrent;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Series;

namespace Pipeline.Core.Releases;

/// <summary>What a published release changed since the one before it: the quarters it added, and every figure it revised.</summary>
public sealed record ReleaseNotes(IReadOnlyList<Quarter> QuartersAdded, IReadOnlyList<RevisedFigure> Revised);

/// <summary>
/// One figure a release revised: a count field of one area in one quarter, as the previous release published it and as
/// this one does, with the reason and kind (<c>correction</c> or <c>revision</c>) its sender gave (null when not given).
/// Of a dataset with a disclosure rule, either value may be <see cref="Withheld.Count"/> (docs/method.md).
/// </summary>
public sealed record RevisedFigure(Quarter Quarter, string Area, string Field, long Previous, long Current, string? Reason, string? Kind);

/// <summary>
/// Works out a published release's notes from the accepted figures' history: the quarters it holds as at its instant,
/// compared with those the previous release held as at its own. Both are fixed once the release is published, so the
/// notes are kept once made. Where a quarter was corrected more than once between two releases, the figures compared are
/// the two published, and the reason and kind are those of the version published. A dataset with a disclosure rule
/// compares the two releases' published series instead (ReleaseNotes.Published.cs).
/// </summary>
public sealed partial class ReleaseNotesReader(ReleaseSnapshots snapshots, IAcceptedQuarterStore quarters, SeriesService series, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, ReleaseNotes> _made = new(StringComparer.Ordinal);

    /// <summary>The notes of <paramref name="release"/> when it is published (<paramref name="calendar"/>: its dataset's releases); null before.</summary>
    public async Task<ReleaseNotes?> NotesAsync(DatasetDefinition dataset, Release release, IReadOnlyList<Release> calendar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!release.IsPublishedAt(timeProvider.GetUtcNow()))
        {
            return null;
        }

        if (_made.TryGetValue(release.Id, out var kept))
        {
            return kept;
        }

        var previous = calendar.Where(r => r.PublishAt < release.PublishAt).MaxBy(r => r.PublishAt);
        var now = await snapshots.RecordsAsync(dataset, release, cancellationToken);
        var before = previous is null ? [] : (await snapshots.RecordsAsync(dataset, previous, cancellationToken)).ToDictionary(r => r.Quarter);
        var added = now.Where(r => !before.ContainsKey(r.Quarter)).Select(r => r.Quarter).ToList();
        var revised = new List<RevisedFigure>();
        var corrected = now.Where(r => before.TryGetValue(r.Quarter, out var old) && old.Sha256 != r.Sha256).ToList();
        if (dataset.Disclosure is not null)
        {
            return _made[release.Id] = new ReleaseNotes(added, corrected.Count == 0 ? [] : await PublishedRevisionsAsync(dataset, previous!, release, corrected, cancellationToken));
        }

        foreach (var record in corrected)
        {
            var oldAreas = (await quarters.ReadAsync(before[record.Quarter], cancellationToken)).Areas.ToDictionary(a => a.AreaCode, StringComparer.Ordinal);
            foreach (var area in (await quarters.ReadAsync(record, cancellationToken)).Areas.OrderBy(a => a.AreaCode, StringComparer.Ordinal))
            {
                if (!oldAreas.TryGetValue(area.AreaCode, out var old))
                {
                    continue;
                }

                for (var i = 0; i < dataset.Fields.Count; i++)
                {
                    if (old.Counts[i] != area.Counts[i])
                    {
                        revised.Add(new RevisedFigure(record.Quarter, area.AreaCode, dataset.Fields[i].Name, old.Counts[i], area.Counts[i], record.Reason, record.Kind));
                    }
                }
            }
        }

        return _made[release.Id] = new ReleaseNotes(added, revised);
    }
}
