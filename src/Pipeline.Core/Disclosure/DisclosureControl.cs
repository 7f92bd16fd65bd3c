using System.Collections.Immutable;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;
using Pipeline.Core.Series;

namespace Pipeline.Core.Disclosure;

/// <summary>
/// The disclosure step (docs/contract.md section 12, docs/method.md): decided once per dataset from all its accepted
/// figures (<see cref="Decide"/>), then applied to every document computed from the same figures before it is written,
/// so that what is stored is already what the public may see. A pure function of the figures and the rule: the
/// recalculation and a release's snapshot call it alike. Withheld values become <see cref="Withheld"/> markers; every
/// other count is rounded (a total is the rounded sum of the unrounded figures, a change the rounded difference of the
/// unrounded counts); percentages, rates (per population too) and their intervals stay as computed from the unrounded
/// counts, and are withheld where any of their counts is.
/// </summary>
public sealed class DisclosureControl
{
    private readonly FigureTable _table;
    private readonly Suppression _decision;
    private readonly DatasetDisclosure _rule;

    private DisclosureControl(FigureTable table, Suppression decision, DatasetDisclosure rule)
    {
        _table = table;
        _decision = decision;
        _rule = rule;
    }

    /// <summary>
    /// What <paramref name="dataset"/>'s rule withholds of the figures of <paramref name="accepted"/>; null when the
    /// dataset has no rule (its documents are published as computed).
    /// </summary>
    /// <param name="dataset">The dataset and its rule.</param>
    /// <param name="accepted">Every accepted quarter published together (for a release, the quarters it publishes).</param>
    /// <param name="secondary">False only in tests: primary suppression alone, to show what it gives away.</param>
    public static DisclosureControl? Decide(DatasetDefinition dataset, IReadOnlyList<AcceptedQuarter> accepted, bool secondary = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(accepted);
        if (dataset.Disclosure is not { } rule)
        {
            return null;
        }

        var table = new FigureTable(dataset, accepted);
        return new DisclosureControl(table, Suppression.Decide(table, rule, secondary), rule);
    }

    /// <summary>How many figures are withheld, of how many (each cell, sum and total once).</summary>
    public (int Withheld, int Figures) Count()
    {
        int withheld = 0, figures = 0;
        foreach (var field in _decision.Withheld)
        {
            foreach (var set in field)
            {
                figures += set.Length;
                withheld += set.Count(w => w);
            }
        }

        return (withheld, figures);
    }

    /// <summary>A count published on its own, tied to no other published figure (a replaced version's total): withheld when small, else rounded.</summary>
    public static long Standalone(DatasetDisclosure rule, long count)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.IsSmall(count) ? Withheld.Count : rule.Round(count);
    }

    /// <summary>The summary as the public may see it.</summary>
    public SummaryDocument Protect(SummaryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var current = _table.SetOf(document.Quarters);
        var previous = _table.SetOf(document.Quarters.Select(q => q with { Year = q.Year - 1 }));
        return document with
        {
            Total = new TotalComparison(Metrics(document.Total.Metrics, _table.AreaCount, current, previous)),
            Areas = [.. document.Areas.Select(a => a with { Metrics = Metrics(a.Metrics, _table.AreaOf(a.Code), current, previous) })],
        };
    }

    /// <summary>The series as the public may see it.</summary>
    public SeriesDocument Protect(SeriesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with
        {
            Quarters = [.. document.Quarters.Select(quarter =>
            {
                var q = _table.SetOf([quarter.Quarter]);
                return quarter with
                {
                    Total = [.. quarter.Total.Select((n, f) => Publish(f, q, _table.AreaCount, n))],
                    Areas = [.. quarter.Areas.Select(a => new AreaFigures(a.AreaCode, a.AreaName, ImmutableArray.CreateRange(a.Counts.Select((n, f) => Publish(f, q, _table.AreaOf(a.AreaCode), n)))))],
                };
            })],
        };
    }

    /// <summary>
    /// A correction's totals as the public may see them. A replaced version's totals are summed by no other published
    /// figure: withheld when small, else rounded. The quarter's current totals are <paramref name="published"/>, the
    /// totals its protected series shows, when they are these totals (withheld there, or these totals rounded); else (a
    /// series not yet recalculated, or a later correction) they are treated as a replaced version's. Likewise the
    /// replaced version's totals are <paramref name="publishedPrevious"/> when given: as a release that published that
    /// version showed them (a scheduled dataset), withheld there though not small when its withheld cells moved with it.
    /// </summary>
    public static QuarterRevision Protect(QuarterRevision revision, DatasetDisclosure rule, IReadOnlyList<long>? published, IReadOnlyList<long>? publishedPrevious = null)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(rule);
        return revision with
        {
            PreviousTotals = [.. revision.PreviousTotals.Select((n, f) => Shown(rule, n, f, publishedPrevious))],
            Totals = [.. revision.Totals.Select((n, f) => Shown(rule, n, f, published))],
        };
    }

    private static long Shown(DatasetDisclosure rule, long total, int field, IReadOnlyList<long>? published) =>
        published is not null && field < published.Count && (Withheld.Is(published[field]) || published[field] == rule.Round(total)) ? published[field] : Standalone(rule, total);

    /// <summary>
    /// One quarter's count of one area (null: the total of every area) as the series publishes it: withheld, or rounded.
    /// For figures published beside the series, such as a release note's current value of a revised cell.
    /// </summary>
    public long Publish(Quarter quarter, string? area, int field, long value) =>
        Publish(field, _table.SetOf([quarter]), _table.AreaOf(area), value);

    private long Publish(int field, int set, int area, long value) =>
        set < 0 || area < 0 || _decision.Withheld[field][set][area] ? Withheld.Count : _rule.Round(value);

    private bool IsWithheld(int field, int set, int area) => set < 0 || area < 0 || _decision.Withheld[field][set][area];

    /// <summary>
    /// A rate, change or bound built on a withheld count is withheld with it, even a null one (a rate with no interval
    /// because its numerator is above its denominator would otherwise say so).
    /// </summary>
    private static decimal? Hide(bool withheld, decimal? value) => withheld ? Withheld.Percentage : value;

    private List<MetricResult> Metrics(IReadOnlyList<MetricResult> metrics, int area, int current, int previous)
    {
        var dataset = _table.Dataset;
        var result = new List<MetricResult>(metrics.Count);
        foreach (var metric in metrics)
        {
            var definition = dataset.Metrics.First(m => m.Id == metric.Id);
            if (metric.Count is { } count)
            {
                var f = dataset.IndexOf(definition.Count!);
                bool c = IsWithheld(f, current, area), p = IsWithheld(f, previous, area);
                result.Add(metric with
                {
                    Count = new CountMetric(
                        c ? Withheld.Count : _rule.Round(count.Current),
                        p ? Withheld.Count : _rule.Round(count.Previous),
                        c || p ? Withheld.Count : _rule.Round(count.Change),
                        c || p ? Withheld.Percentage : count.ChangePercent),
                });
            }
            else if (metric.Rate is { } rate)
            {
                int n = dataset.IndexOf(definition.Rate!.Numerator), d = dataset.IndexOf(definition.Rate.Denominator);
                bool c = IsWithheld(n, current, area) || IsWithheld(d, current, area);
                bool p = IsWithheld(n, previous, area) || IsWithheld(d, previous, area);
                result.Add(metric with
                {
                    Rate = new RateMetric(
                        Hide(c, rate.Current),
                        Hide(p, rate.Previous),
                        Hide(c || p, rate.ChangePoints),
                        Hide(c, rate.CurrentLower),
                        Hide(c, rate.CurrentUpper),
                        Hide(p, rate.PreviousLower),
                        Hide(p, rate.PreviousUpper),
                        Hide(c || p, rate.ChangeLower),
                        Hide(c || p, rate.ChangeUpper)),
                });
            }
            else if (metric.PerPopulation is { } perPopulation)
            {
                // A rate per population (section 13) and its interval give its count away (the population is published):
                // withheld wherever the count is; the population's years are not figures of the return, and stay.
                var f = dataset.IndexOf(definition.PerPopulation!.Count);
                bool c = IsWithheld(f, current, area), p = IsWithheld(f, previous, area);
                result.Add(metric with
                {
                    PerPopulation = perPopulation with
                    {
                        Current = Hide(c, perPopulation.Current),
                        Previous = Hide(p, perPopulation.Previous),
                        Change = Hide(c || p, perPopulation.Change),
                        CurrentLower = Hide(c, perPopulation.CurrentLower),
                        CurrentUpper = Hide(c, perPopulation.CurrentUpper),
                        PreviousLower = Hide(p, perPopulation.PreviousLower),
                        PreviousUpper = Hide(p, perPopulation.PreviousUpper),
                    },
                });
            }
        }

        return result;
    }
}
