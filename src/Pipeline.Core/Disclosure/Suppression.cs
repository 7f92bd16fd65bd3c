using Pipeline.Core.Datasets;

namespace Pipeline.Core.Disclosure;

/// <summary>
/// Decides which of a dataset's figures (<see cref="FigureTable"/>) are withheld: primary suppression (every figure from
/// the rule's <c>from</c> to <c>to</c>), then secondary suppression, so that each withheld figure can move while every
/// published one stays as it is (docs/method.md). A withheld cell is protected by a partner: another area's cell of the
/// same quarter (withheld ones first, then the smallest non-zero, then by code) such that adding to the one and taking from the
/// other keeps every total; every figure that pair of moves touches (the two cells and each area's sums over the sets
/// holding the quarter) is withheld. A withheld total of a quarter is protected by moving one of its cells alone, and
/// withholds the sums that hold it. Where a field may not exceed its <c>notGreaterThan</c> partner and the two are equal,
/// both move together. No zero is ever withheld, and no move takes a withheld figure below 1, so every withheld figure
/// is at least 1 and has room to move both ways a reader could know of. Deterministic: the same figures give the same
/// withheld set, whatever the order they were accepted in.
/// </summary>
internal sealed class Suppression
{
    private readonly FigureTable _table;
    private readonly int[] _parent;
    private readonly Dictionary<(int Field, int Quarter), int[]> _byValue = [];

    private Suppression(FigureTable table)
    {
        _table = table;
        var fields = table.Dataset.Fields;
        _parent = [.. fields.Select(f => f.NotGreaterThan is { } p ? table.Dataset.IndexOf(p) : -1)];
        Withheld = [.. table.Values.Select(f => f.Select(s => new bool[s.Length]).ToArray())];
        Primary = [.. table.Values.Select(f => f.Select(s => new bool[s.Length]).ToArray())];
    }

    /// <summary>[field][set][area or total], as <see cref="FigureTable.Values"/>.</summary>
    public bool[][][] Withheld { get; }

    /// <summary>The figures withheld for being small themselves.</summary>
    public bool[][][] Primary { get; }

    /// <param name="table">The figures.</param>
    /// <param name="rule">The dataset's rule.</param>
    /// <param name="secondary">False only in tests, to show what primary suppression alone gives away.</param>
    public static Suppression Decide(FigureTable table, DatasetDisclosure rule, bool secondary = true)
    {
        var decision = new Suppression(table);
        for (var f = 0; f < table.Values.Length; f++)
        {
            for (var s = 0; s < table.Sets.Count; s++)
            {
                for (var a = 0; a <= table.AreaCount; a++)
                {
                    if (rule.IsSmall(table.Values[f][s][a]))
                    {
                        decision.Withheld[f][s][a] = decision.Primary[f][s][a] = true;
                    }
                }
            }
        }

        if (secondary)
        {
            decision.Protect();
        }

        return decision;
    }

    private void Protect()
    {
        var fields = _table.Values.Length;
        var covered = new bool[fields, _table.Quarters.Length, _table.AreaCount + 1];
        for (var f = 0; f < fields; f++)
        {
            for (var q = 0; q < _table.Quarters.Length; q++)
            {
                for (var a = 0; a < _table.AreaCount; a++)
                {
                    if (Primary[f][q][a] && !covered[f, q, a])
                    {
                        ProtectCell(f, q, a, covered);
                    }
                }

                if (Primary[f][q][_table.AreaCount] && !covered[f, q, _table.AreaCount])
                {
                    var cell = Candidates(f, q, -1).First(); // A total of 1 or more has a cell of 1 or more.
                    Move(Closure(f, q, cell, -1)!, q, cell, -1, covered);
                }
            }
        }
    }

    private void ProtectCell(int f, int q, int a, bool[,,] covered)
    {
        var candidates = Candidates(f, q, a);
        foreach (var alone in new[] { true, false })
        {
            foreach (var partner in candidates)
            {
                var fields = Closure(f, q, a, partner) ?? Closure(f, q, partner, a);
                if (fields is not null && (!alone || fields.Count == 1))
                {
                    Move(fields, q, a, partner, covered);
                    return;
                }
            }
        }

        // No partner can take the move (a single area, or every other cell 1 or 0): the cell moves alone, and so does its total.
        Move(Closure(f, q, a, -1)!, q, a, -1, covered);
    }

    /// <summary>The other areas of quarter <paramref name="q"/> with a non-zero cell: withheld ones first, then by value, then by code.</summary>
    private IEnumerable<int> Candidates(int f, int q, int except)
    {
        // Sorted once a quarter and field by (value, code); withheld ones are taken first by walking it twice, so
        // the order is as if re-sorted after every move without sorting 10,000 areas for each withheld cell.
        if (!_byValue.TryGetValue((f, q), out var sorted))
        {
            var cells = _table.Values[f][q];
            sorted = [.. Enumerable.Range(0, _table.AreaCount).Where(a => _table.Present[q, a] && cells[a] > 0).OrderBy(a => cells[a]).ThenBy(a => a)];
            _byValue[(f, q)] = sorted;
        }

        foreach (var withheld in new[] { true, false })
        {
            foreach (var a in sorted)
            {
                if (a != except && Withheld[f][q][a] == withheld)
                {
                    yield return a;
                }
            }
        }
    }

    /// <summary>
    /// The fields that must move together when field <paramref name="f"/> of quarter <paramref name="q"/> goes up in area
    /// <paramref name="up"/> and down in area <paramref name="down"/> (-1: no area goes down, and the total goes up): a field
    /// equal to its <c>notGreaterThan</c> partner where it goes up takes the partner along, one equal to a field that may
    /// not exceed it where it goes down takes that one along. Null when a cell that would move is 0, or would go below 1.
    /// </summary>
    private List<int>? Closure(int f, int q, int up, int down)
    {
        var fields = new List<int> { f };
        for (var i = 0; i < fields.Count; i++)
        {
            var g = fields[i];
            var cells = _table.Values[g][q];
            if (cells[up] < 1 || (down >= 0 && cells[down] < 2))
            {
                return null;
            }

            if (_parent[g] is var p and >= 0 && cells[up] == _table.Values[p][q][up] && !fields.Contains(p))
            {
                fields.Add(p);
            }

            for (var child = 0; down >= 0 && child < _parent.Length; child++)
            {
                if (_parent[child] == g && _table.Values[child][q][down] == cells[down] && !fields.Contains(child))
                {
                    fields.Add(child);
                }
            }
        }

        return fields;
    }

    /// <summary>Withholds every figure the move touches, and records the cells it protects.</summary>
    private void Move(List<int> fields, int q, int up, int down, bool[,,] covered)
    {
        foreach (var g in fields)
        {
            int[] areas = down >= 0 ? [up, down] : [up, _table.AreaCount];
            foreach (var a in areas)
            {
                Withheld[g][q][a] = true;
                covered[g, q, a] = true;
                foreach (var s in _table.Containing[q])
                {
                    Withheld[g][s][a] = true;
                }
            }
        }
    }
}
