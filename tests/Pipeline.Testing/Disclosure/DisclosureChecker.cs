using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Testing.Disclosure;

/// <summary>
/// Proves, with exact rational linear algebra, that no withheld figure of a dataset can be worked out from what it
/// publishes (docs/method.md, "What the checker proves"). The reader is assumed to know far more than the documents say:
/// every published count exactly (as if rounding were undone), that every figure is a whole number of 0 or more, that a
/// withheld figure is at least 1 (zero is never withheld), and that a field is at most its <c>notGreaterThan</c>
/// partner in every cell. Those facts define a convex set of tables holding the true one; a withheld figure is
/// determined exactly when it has one value over the whole set. The set is the published sums' solutions, x = x* + K y
/// (K a basis of the null space of the published sums over the withheld cells, found by exact elimination), cut by the
/// inequalities; the figure w can move iff some direction y keeps every inequality that is tight at x* and changes w,
/// which an exact simplex over that cone decides. Rates and percentages add nothing to this reader: each is published
/// only where its counts are, and those are already known exactly.
/// </summary>
public static class DisclosureChecker
{
    /// <param name="dataset">The dataset and its rule.</param>
    /// <param name="accepted">The accepted figures, the truth the reader is trying to recover.</param>
    /// <param name="published">What the dataset publishes.</param>
    /// <param name="intervals">Also find each withheld figure's smallest and largest value (slower; for small cases).</param>
    /// <param name="replaced">
    /// Versions of quarters an earlier release published and a later one replaced, by the name their cells have in
    /// <paramref name="published"/> (<see cref="PublicFigures.Version"/>): the truth of those cells.
    /// </param>
    public static CheckReport Check(
        DatasetDefinition dataset, IReadOnlyList<AcceptedQuarter> accepted, PublicFigures published, bool intervals = false, IReadOnlyDictionary<string, AcceptedQuarter>? replaced = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(published);
        var rule = dataset.Disclosure ?? throw new ArgumentException("The dataset has no disclosure rule.", nameof(dataset));
        var truth = new Dictionary<(string, string, string), long>();
        foreach (var (name, quarter) in accepted.Select(q => (q.Quarter.ToString(), q)).Concat(replaced?.Select(p => (p.Key, p.Value)) ?? []))
        {
            foreach (var area in quarter.Areas)
            {
                for (var f = 0; f < dataset.Fields.Count; f++)
                {
                    truth[(name, area.AreaCode, dataset.Fields[f].Name)] = area.Counts[f];
                }
            }
        }

        var problems = new List<string>(published.Problems);
        var determined = new List<string>();
        foreach (var figure in published.Figures)
        {
            figure.Truth = figure.Cells.Sum(c => truth[(c.Quarter, c.Area, figure.Field)]);
            if (!figure.Withheld && figure.Truth >= rule.Suppress!.From && figure.Truth <= rule.Suppress.To)
            {
                problems.Add($"{figure.Label}: {figure.Truth} is published (as {figure.Published}) though it is small.");
            }
            else if (!figure.Withheld && figure.Published != RoundHalfUp(figure.Truth, rule.RoundTo ?? 1))
            {
                problems.Add($"{figure.Label}: published {figure.Published}, but {figure.Truth} rounds to {RoundHalfUp(figure.Truth, rule.RoundTo ?? 1)}.");
            }
            else if (figure.Withheld && figure.Truth == 0)
            {
                problems.Add($"{figure.Label}: a zero is withheld, which the reader is told never happens.");
            }
        }

        problems.AddRange(published.Changes
            .Where(c => c.Change != RoundHalfUp(c.Current.Truth - c.Previous.Truth, rule.RoundTo ?? 1))
            .Select(c => $"{c.Current.Label}: the change {c.Change} is not the rounded difference of the exact counts."));

        // One entry per distinct sum; a sum published anywhere is known everywhere.
        var sums = published.Figures.GroupBy(f => Key(f)).Select(g => (First: g.First(), Withheld: g.All(f => f.Withheld))).ToList();
        determined.AddRange(sums.Where(s => !s.Withheld && published.Figures.Any(f => f.Withheld && Key(f) == Key(s.First)))
            .Select(s => $"{s.First.Label}: withheld in one place and published in another"));

        var unknowns = sums.Where(s => s.Withheld && s.First.Cells.Count == 1)
            .Select(s => (s.First.Cells.Single().Quarter, s.First.Cells.Single().Area, s.First.Field)).Distinct().ToList();
        var index = unknowns.Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i);
        var space = new SolutionSpace(unknowns.Count);
        foreach (var (figure, _) in sums.Where(s => !s.Withheld))
        {
            space.AddEquality(Row(figure, index, unknowns.Count));
        }

        var kernel = space.Kernel();
        var inequalities = new List<(Rational[] Row, Rational Slack)>();
        foreach (var (figure, _) in sums.Where(s => s.Withheld))
        {
            inequalities.Add((Row(figure, index, unknowns.Count), figure.Truth - 1));
        }

        foreach (var (cell, i) in index)
        {
            var row = new Rational[unknowns.Count].Select(_ => Rational.Zero).ToArray();
            row[i] = Rational.One;
            inequalities.Add((row, truth[cell]));
            var field = dataset.Fields[dataset.IndexOf(cell.Field)];
            foreach (var (partner, sign) in dataset.Fields.Where(f => f.NotGreaterThan == cell.Field).Select(f => (f.Name, -1L))
                .Concat(field.NotGreaterThan is { } parent ? [(parent, 1L)] : []))
            {
                // parent - child >= 0, written once from the side of each withheld cell; duplicates do no harm.
                var pair = new Rational[unknowns.Count].Select(_ => Rational.Zero).ToArray();
                pair[i] = -sign;
                if (index.TryGetValue((cell.Quarter, cell.Area, partner), out var j))
                {
                    pair[j] = sign;
                }

                var (p, c) = sign > 0 ? (truth[(cell.Quarter, cell.Area, partner)], truth[cell]) : (truth[cell], truth[(cell.Quarter, cell.Area, partner)]);
                inequalities.Add((pair, p - c));
            }
        }

        var projected = inequalities.Select(q => (Row: kernel.Project(q.Row), q.Slack)).ToList();
        var ranges = new Dictionary<string, (Rational? Min, Rational? Max)>(StringComparer.Ordinal);
        var withheld = sums.Where(s => s.Withheld).ToList();
        foreach (var (figure, _) in withheld)
        {
            var objective = kernel.Project(Row(figure, index, unknowns.Count));
            if (!Cone.CanMove(objective, projected.Where(q => q.Slack.IsZero).Select(q => q.Row).ToList()))
            {
                determined.Add($"{figure.Label}: determined (it can only be {figure.Truth})");
            }

            if (intervals)
            {
                var (down, up) = Cone.Range(objective, projected);
                ranges[figure.Label] = (down is { } d ? figure.Truth - d : null, up is { } u ? figure.Truth + u : null);
            }
        }

        return new CheckReport(determined, problems, withheld.Count, unknowns.Count, ranges);
    }

    /// <summary>The nearest multiple of <paramref name="step"/>, a midpoint upwards: written here from the contract, not taken from the app.</summary>
    public static long RoundHalfUp(long value, long step) =>
        step <= 1 ? value : (long)Math.Floor(((decimal)value / step) + 0.5m) * step;

    private static string Key(PublicFigure figure) =>
        figure.Field + "|" + string.Join(";", figure.Cells.Select(c => c.Quarter + " " + c.Area).Order(StringComparer.Ordinal));

    /// <summary>The figure's sum over the withheld cells (its published cells are known and drop out of the directions).</summary>
    private static Rational[] Row(PublicFigure figure, Dictionary<(string, string, string), int> index, int count)
    {
        var row = new Rational[count].Select(_ => Rational.Zero).ToArray();
        foreach (var (quarter, area) in figure.Cells)
        {
            if (index.TryGetValue((quarter, area, figure.Field), out var i))
            {
                row[i] += Rational.One;
            }
        }

        return row;
    }
}

/// <summary>What the checker found: the withheld figures a reader could work out (none, to pass), and any other breach of the rule.</summary>
public sealed record CheckReport(
    IReadOnlyList<string> Determined,
    IReadOnlyList<string> Problems,
    int WithheldFigures,
    int WithheldCells,
    IReadOnlyDictionary<string, (Rational? Min, Rational? Max)> Ranges)
{
    public bool Passed => Determined.Count == 0 && Problems.Count == 0;

    public override string ToString() =>
        $"{WithheldFigures} withheld figures over {WithheldCells} withheld cells; determined: {Determined.Count}; problems: {Problems.Count}\n" +
        string.Join("\n", Determined.Concat(Problems).Take(30));
}
