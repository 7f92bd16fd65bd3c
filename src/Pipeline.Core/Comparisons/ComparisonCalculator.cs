using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Comparisons;

/// <summary>The annual comparison (docs/contract.md), as a pure function of one dataset's accepted quarters.</summary>
public static class ComparisonCalculator
{
    /// <summary>
    /// Every comparison the accepted quarters allow, calendar periods first, then financial, then rolling, each in period
    /// order. A calendar or financial period with accepted quarters gets a comparison only when at least one of its
    /// quarter positions is accepted in the previous period too; the comparison uses exactly the positions accepted in
    /// both. A rolling period (the four quarters ending with an accepted quarter) gets one only when all eight quarters,
    /// its four and the previous year's four, are accepted: a "year ending" figure is never a part year.
    /// </summary>
    /// <param name="dataset">Whose fields the quarters' counts follow, and whose metrics are compared.</param>
    /// <param name="accepted">The dataset's accepted quarters, in any order; at most one per quarter.</param>
    /// <param name="configuredAreas">Their names win over the names the returns carry.</param>
    /// <param name="computedAt">Stamped on every document, truncated to whole seconds and put in UTC.</param>
    public static IReadOnlyList<SummaryDocument> ComputeAll(
        DatasetDefinition dataset,
        IReadOnlyList<AcceptedQuarter> accepted,
        IReadOnlyList<Area> configuredAreas,
        DateTimeOffset computedAt) =>
        [.. Plan(dataset, accepted, configuredAreas, computedAt).Select(p => p.Compute())];

    /// <summary>
    /// Every comparison <see cref="ComputeAll"/> would make, in the same order, each with what it rests on (its period,
    /// status and sources), known without any arithmetic, and its document made only when asked for: a recalculation
    /// computes only the comparisons whose inputs changed.
    /// </summary>
    /// <inheritdoc cref="ComputeAll" path="/param"/>
    public static IReadOnlyList<PlannedComparison> Plan(
        DatasetDefinition dataset,
        IReadOnlyList<AcceptedQuarter> accepted,
        IReadOnlyList<Area> configuredAreas,
        DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(configuredAreas);

        var byQuarter = new Dictionary<Quarter, AcceptedQuarter>(accepted.Count);
        foreach (var quarter in accepted)
        {
            ArgumentNullException.ThrowIfNull(quarter, nameof(accepted));
            if (!byQuarter.TryAdd(quarter.Quarter, quarter))
            {
                throw new ArgumentException($"Quarter {quarter.Quarter} is accepted more than once.", nameof(accepted));
            }
        }

        var configuredNames = new Dictionary<string, string>(configuredAreas.Count, StringComparer.Ordinal);
        foreach (var area in configuredAreas)
        {
            ArgumentNullException.ThrowIfNull(area, nameof(configuredAreas));
            if (!configuredNames.TryAdd(area.Code, area.Name))
            {
                throw new ArgumentException($"Area {area.Code} is configured more than once.", nameof(configuredAreas));
            }
        }

        var stamp = TruncateToSeconds(computedAt);
        var documents = new List<PlannedComparison>();
        foreach (var basis in YearBasisNames.All)
        {
            var periods = byQuarter.Keys
                .Select(q => basis == YearBasis.Rolling ? Period.EndingWith(q) : Period.Containing(basis, q))
                .Distinct()
                .Order();
            foreach (var period in periods)
            {
                if (PlanOne(dataset, period, byQuarter, configuredNames, stamp) is { } planned)
                {
                    documents.Add(planned);
                }
            }
        }

        return documents;
    }

    /// <summary>
    /// The period a summary shows when none is asked for: the latest <see cref="ComparisonStatus.Complete"/> one on the
    /// basis, else the latest year-to-date one; null when the basis has no comparison.
    /// </summary>
    public static Period? ChooseDefaultPeriod(YearBasis basis, IEnumerable<SummaryDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return ChooseDefaultPeriod(basis, documents.Select(d => (d.Period, d.Status)));
    }

    /// <inheritdoc cref="ChooseDefaultPeriod(YearBasis, IEnumerable{SummaryDocument})"/>
    public static Period? ChooseDefaultPeriod(YearBasis basis, IEnumerable<(Period Period, ComparisonStatus Status)> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        Period? latestComplete = null;
        Period? latestAny = null;
        foreach (var (period, status) in comparisons)
        {
            if (period.Basis != basis)
            {
                continue;
            }

            if (latestAny is null || period > latestAny.Value)
            {
                latestAny = period;
            }

            if (status == ComparisonStatus.Complete && (latestComplete is null || period > latestComplete.Value))
            {
                latestComplete = period;
            }
        }

        return latestComplete ?? latestAny;
    }

    private static PlannedComparison? PlanOne(
        DatasetDefinition dataset,
        Period period,
        Dictionary<Quarter, AcceptedQuarter> byQuarter,
        Dictionary<string, string> configuredNames,
        DateTimeOffset computedAt)
    {
        var previousPeriod = period.Previous;
        var currentQuarters = new List<AcceptedQuarter>(4);
        var previousQuarters = new List<AcceptedQuarter>(4);
        foreach (var position in ComparablePeriods.Positions(period, byQuarter.ContainsKey))
        {
            currentQuarters.Add(byQuarter[period.QuarterAt(position)]);
            previousQuarters.Add(byQuarter[previousPeriod.QuarterAt(position)]);
        }

        if (currentQuarters.Count == 0 || (period.Basis == YearBasis.Rolling && currentQuarters.Count < 4))
        {
            return null;
        }

        var sources = previousQuarters.Concat(currentQuarters)
            .Select(q => new SummarySource(q.Quarter, q.File, q.Sha256, q.Revision, q.AcceptedAt))
            .ToList();
        return new PlannedComparison(
            period,
            currentQuarters.Count == 4 ? ComparisonStatus.Complete : ComparisonStatus.YearToDate,
            sources,
            () => Compare(dataset, period, currentQuarters, previousQuarters, sources, configuredNames, computedAt));
    }

    private static SummaryDocument Compare(
        DatasetDefinition dataset,
        Period period,
        List<AcceptedQuarter> currentQuarters,
        List<AcceptedQuarter> previousQuarters,
        List<SummarySource> sources,
        Dictionary<string, string> configuredNames,
        DateTimeOffset computedAt)
    {
        var fields = dataset.Fields.Count;
        var tallies = new Dictionary<string, AreaTally>(StringComparer.Ordinal);
        // Previous quarters first, then current, each in quarter order: the last name seen is the latest return's.
        Accumulate(previousQuarters, tallies, fields, isCurrent: false);
        Accumulate(currentQuarters, tallies, fields, isCurrent: true);

        var total = new AreaTally(string.Empty, fields);
        var areas = new List<AreaComparison>(tallies.Count);
        foreach (var (code, tally) in tallies.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            total.Add(tally);
            var name = configuredNames.TryGetValue(code, out var configured) ? configured : tally.LatestName;
            areas.Add(new AreaComparison(code, name, tally.Metrics(dataset, m => PopulationPairs.ForArea(dataset, m, period, code))));
        }

        var codes = tallies.Keys.ToList();
        return new SummaryDocument(
            dataset.Id,
            period,
            currentQuarters.ConvertAll(q => q.Quarter),
            computedAt,
            new TotalComparison(total.Metrics(dataset, m => PopulationPairs.ForTotal(dataset, m, period, codes))),
            areas,
            sources);
    }

    private static void Accumulate(List<AcceptedQuarter> quarters, Dictionary<string, AreaTally> tallies, int fields, bool isCurrent)
    {
        foreach (var quarter in quarters)
        {
            var seen = new HashSet<string>(quarter.Areas.Count, StringComparer.Ordinal);
            foreach (var figures in quarter.Areas)
            {
                if (!seen.Add(figures.AreaCode))
                {
                    throw new ArgumentException($"Quarter {quarter.Quarter} has area {figures.AreaCode} more than once.", nameof(quarters));
                }

                if (figures.Counts.Length != fields)
                {
                    throw new ArgumentException($"Quarter {quarter.Quarter} has {figures.Counts.Length} counts for area {figures.AreaCode}; its dataset has {fields} fields.", nameof(quarters));
                }

                if (!tallies.TryGetValue(figures.AreaCode, out var tally))
                {
                    tally = new AreaTally(figures.AreaName, fields);
                    tallies.Add(figures.AreaCode, tally);
                }

                tally.LatestName = figures.AreaName;
                tally.Add(figures, isCurrent);
            }
        }
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
