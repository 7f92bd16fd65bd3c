using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Releases;

/// <summary>
/// The GSS shorthand a release puts on its figures (docs/contract.md section 11, docs/method.md "Releases and
/// revisions"). A mark belongs to a metric object: one measure of one area, or of the total, in one comparison.
/// <list type="bullet">
/// <item><c>[p]</c> provisional: the comparison rests on one of the release's latest <c>provisionalQuarters</c>
/// quarters (its <c>through</c> and the ones before it), in either period compared; its <c>sources</c> name them.</item>
/// <item><c>[r]</c> revised: the object's published values differ from those of the first earlier release that
/// published the same object (basis, period, area or total, measure) with none of them withheld; read from those
/// releases' frozen documents, which never change, so the marks are the same whenever they are worked out.</item>
/// <item>An object with any value withheld by disclosure control carries no mark: a mark on it would say something of
/// what is withheld ("revised" that it changed). Nor does a withheld publication count as the first one.</item>
/// </list>
/// The marks are applied as a release's documents are frozen (<see cref="ReleaseSnapshots.FreezeAsync"/>), so they are
/// part of its bytes.
/// </summary>
public sealed class ReleaseMarks
{
    /// <summary>Bumped whenever the rule above changes.</summary>
    public const string Version = "marks-v1";

    private readonly HashSet<Quarter> _provisional;
    private readonly Dictionary<(YearBasis Basis, Period Period, string Area, string Metric), MetricResult> _first;

    private ReleaseMarks(HashSet<Quarter> provisional, Dictionary<(YearBasis, Period, string, string), MetricResult> first)
    {
        _provisional = provisional;
        _first = first;
    }

    /// <summary>The release's provisional quarters: its <c>through</c> and the <paramref name="count"/> - 1 before it, oldest first.</summary>
    public static IReadOnlyList<Quarter> ProvisionalQuarters(Quarter through, int count)
    {
        var last = (through.Year * 4) + through.Number - 1;
        return [.. Enumerable.Range(0, Math.Max(count, 0)).Reverse().Select(i => last - i).Select(n => new Quarter(n / 4, (n % 4) + 1))];
    }

    /// <summary>
    /// The marks of <paramref name="release"/>, given the dataset's <paramref name="earlier"/> releases, whose frozen
    /// documents (under <see cref="ReleaseSnapshots.KeyOf"/>) are read from <paramref name="store"/>.
    /// </summary>
    public static async Task<ReleaseMarks> ReadAsync(IComparisonStore store, DatasetDefinition dataset, Release release, IEnumerable<Release> earlier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(earlier);
        var first = new Dictionary<(YearBasis, Period, string, string), MetricResult>();
        foreach (var key in earlier.OrderBy(r => r.PublishAt).Select(ReleaseSnapshots.KeyOf))
        {
            foreach (var basis in YearBasisNames.All)
            {
                foreach (var stored in await store.ListPeriodsAsync(key, basis, cancellationToken))
                {
                    if (await store.GetAsync(key, basis, stored.Period, cancellationToken) is { } summary)
                    {
                        Remember(first, SummaryJson.Deserialize(summary.Json));
                    }
                }
            }
        }

        return new ReleaseMarks([.. ProvisionalQuarters(release.Through, dataset.Publication?.ProvisionalQuarters ?? 0)], first);
    }

    /// <summary>The marks as the step a release's documents go through before they are stored.</summary>
    public static DocumentMarking Marking(ReleaseMarks marks, Release release, IEnumerable<Release> earlier)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(release);
        var scope = $"through {release.Through}, provisional {string.Join(',', marks._provisional.Order())}; after {string.Join(',', earlier.OrderBy(r => r.PublishAt).Select(r => r.Id))}";
        return new DocumentMarking(Version, scope, marks.Apply);
    }

    /// <summary><paramref name="document"/> with every metric object's marks.</summary>
    public SummaryDocument Apply(SummaryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var provisional = document.Sources.Any(s => _provisional.Contains(s.Quarter));
        return document with
        {
            Total = new TotalComparison(Mark(document, string.Empty, document.Total.Metrics, provisional)),
            Areas = [.. document.Areas.Select(a => a with { Metrics = Mark(document, a.Code, a.Metrics, provisional) })],
        };
    }

    private List<MetricResult> Mark(SummaryDocument document, string area, IReadOnlyList<MetricResult> metrics, bool provisional) =>
        [.. metrics.Select(metric =>
        {
            if (IsWithheld(metric))
            {
                return metric with { Marks = MetricMarks.None };
            }

            var marks = provisional ? MetricMarks.Provisional : MetricMarks.None;
            if (_first.TryGetValue((document.Basis, document.Period, area, metric.Id), out var first) && first != (metric with { Marks = MetricMarks.None }))
            {
                marks |= MetricMarks.Revised;
            }

            return metric with { Marks = marks };
        })];

    private static void Remember(Dictionary<(YearBasis, Period, string, string), MetricResult> first, SummaryDocument document)
    {
        foreach (var (area, metrics) in document.Areas.Select(a => (a.Code, a.Metrics)).Prepend((string.Empty, document.Total.Metrics)))
        {
            foreach (var metric in metrics.Where(m => !IsWithheld(m)))
            {
                first.TryAdd((document.Basis, document.Period, area, metric.Id), metric with { Marks = MetricMarks.None });
            }
        }
    }

    /// <summary>Whether disclosure control withheld any of the object's values.</summary>
    internal static bool IsWithheld(MetricResult metric) =>
        (metric.Count is { } count && (Withheld.Is(count.Current) || Withheld.Is(count.Previous) || Withheld.Is(count.Change) || Withheld.Is(count.ChangePercent))) ||
        (metric.Rate is { } rate && (Withheld.Is(rate.Current) || Withheld.Is(rate.Previous) || Withheld.Is(rate.ChangePoints))) ||
        (metric.PerPopulation is { } perPopulation && (Withheld.Is(perPopulation.Current) || Withheld.Is(perPopulation.Previous) || Withheld.Is(perPopulation.Change)));
}
