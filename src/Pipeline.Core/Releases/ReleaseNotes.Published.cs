using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Releases;

/// <summary>
/// The revised figures of a dataset with a disclosure rule (docs/contract.md section 12, docs/method.md "Disclosure
/// control"): not the accepted counts, which the public may not see, but each count of a corrected quarter as the
/// previous release's series published it and as this release's does, read from the two releases' own stored documents
/// (made now if nobody has read them yet). So a withheld value stays withheld (<see cref="Withheld.Count"/>), a rounded
/// one is shown rounded, and a figure is listed exactly when the value the public sees changed. Then the notes are a
/// function of what the two releases publish and tell a reader nothing more: in particular, a figure left out says only
/// that its published value is the same, never that its count is (a count withheld in both, or rounded to the same
/// multiple, may have moved), and a count that did not change but is withheld now and was published then (or the
/// reverse), because the disclosure step chose differently after a correction beside it, is listed, since leaving it
/// out would say it kept its published value and give a withheld count away.
/// </summary>
public sealed partial class ReleaseNotesReader
{
    private async Task<IReadOnlyList<RevisedFigure>> PublishedRevisionsAsync(
        DatasetDefinition dataset, Release previous, Release release, IReadOnlyList<AcceptedQuarterRecord> corrected, CancellationToken cancellationToken)
    {
        var quarters = corrected.Select(r => r.Quarter).ToHashSet();
        var before = await PublishedCountsAsync(dataset, previous, quarters, cancellationToken);
        var now = await PublishedCountsAsync(dataset, release, quarters, cancellationToken);
        var revised = new List<RevisedFigure>();
        foreach (var record in corrected)
        {
            foreach (var ((quarter, area), counts) in now.Where(p => p.Key.Quarter == record.Quarter).OrderBy(p => p.Key.Area, StringComparer.Ordinal))
            {
                if (!before.TryGetValue((quarter, area), out var old))
                {
                    continue;
                }

                for (var i = 0; i < dataset.Fields.Count; i++)
                {
                    if (old[i] != counts[i])
                    {
                        revised.Add(new RevisedFigure(quarter, area, dataset.Fields[i].Name, old[i], counts[i], record.Reason, record.Kind));
                    }
                }
            }
        }

        return revised;
    }

    /// <summary>Each area's counts in <paramref name="quarters"/> as <paramref name="release"/>'s series publishes them (withheld ones as <see cref="Withheld.Count"/>).</summary>
    private async Task<Dictionary<(Quarter Quarter, string Area), IReadOnlyList<long>>> PublishedCountsAsync(
        DatasetDefinition dataset, Release release, HashSet<Quarter> quarters, CancellationToken cancellationToken)
    {
        var key = await snapshots.FreezeAsync(dataset, release, cancellationToken);
        var published = await series.ByAreaAsync(dataset, null, key, cancellationToken)
            ?? throw new InvalidOperationException($"Release {release.Id} holds quarters, but its series was not stored under '{key}'.");
        var positions = published.Totals.Quarters.Select((q, i) => (q.Quarter, Index: i)).Where(p => quarters.Contains(p.Quarter)).ToList();
        var counts = new Dictionary<(Quarter, string), IReadOnlyList<long>>();
        await foreach (var area in published.Areas(cancellationToken))
        {
            foreach (var (quarter, index) in positions)
            {
                if (area.ByQuarter[index] is { } figures)
                {
                    counts[(quarter, area.Code)] = figures;
                }
            }
        }

        return counts;
    }
}
