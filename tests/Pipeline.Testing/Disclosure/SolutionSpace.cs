namespace Pipeline.Testing.Disclosure;

/// <summary>
/// The solutions of the published sums over the withheld cells, as the true table plus any combination of a basis of
/// the null space: each published sum a row, brought to reduced row echelon form exactly; each column without a pivot
/// is a free direction (itself 1, each pivot column minus its entry in that column).
/// </summary>
public sealed class SolutionSpace(int unknowns)
{
    private readonly List<Rational[]> _rows = [];

    public void AddEquality(Rational[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Any(r => !r.IsZero))
        {
            _rows.Add((Rational[])row.Clone());
        }
    }

    public Kernel Kernel()
    {
        var pivots = new List<int>();
        var rank = 0;
        for (var column = 0; column < unknowns && rank < _rows.Count; column++)
        {
            var found = -1;
            for (var i = rank; i < _rows.Count; i++)
            {
                if (!_rows[i][column].IsZero)
                {
                    found = i;
                    break;
                }
            }

            if (found < 0)
            {
                continue;
            }

            (_rows[rank], _rows[found]) = (_rows[found], _rows[rank]);
            var pivot = _rows[rank][column];
            for (var j = column; j < unknowns; j++)
            {
                _rows[rank][j] /= pivot;
            }

            for (var i = 0; i < _rows.Count; i++)
            {
                if (i != rank && !_rows[i][column].IsZero)
                {
                    var factor = _rows[i][column];
                    for (var j = column; j < unknowns; j++)
                    {
                        _rows[i][j] -= factor * _rows[rank][j];
                    }
                }
            }

            pivots.Add(column);
            rank++;
        }

        var isPivot = new bool[unknowns];
        pivots.ForEach(p => isPivot[p] = true);
        var basis = new List<Rational[]>();
        for (var free = 0; free < unknowns; free++)
        {
            if (isPivot[free])
            {
                continue;
            }

            var vector = new Rational[unknowns].Select(_ => Rational.Zero).ToArray();
            vector[free] = Rational.One;
            for (var r = 0; r < pivots.Count; r++)
            {
                vector[pivots[r]] = -_rows[r][free];
            }

            basis.Add(vector);
        }

        return new Kernel(basis);
    }
}

/// <summary>A basis of the directions in which the withheld cells can move with every published sum kept.</summary>
public sealed class Kernel(List<Rational[]> basis)
{
    public int Dimension => basis.Count;

    /// <summary>A row over the withheld cells as a row over the basis: how the sum changes along each direction.</summary>
    public Rational[] Project(Rational[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var projected = new Rational[basis.Count];
        for (var k = 0; k < basis.Count; k++)
        {
            var sum = Rational.Zero;
            for (var i = 0; i < row.Length; i++)
            {
                if (!row[i].IsZero && !basis[k][i].IsZero)
                {
                    sum += row[i] * basis[k][i];
                }
            }

            projected[k] = sum;
        }

        return projected;
    }
}

/// <summary>Linear programmes over the directions y, each split as u - v with u, v at least 0.</summary>
public static class Cone
{
    /// <summary>
    /// Whether some direction y with <c>t·y &gt;= 0</c> for every tight row t changes <c>c·y</c>: the largest
    /// <c>±c·y</c> over that cone with <c>sum(u + v) &lt;= 1</c> is above 0 for one sign.
    /// </summary>
    public static bool CanMove(Rational[] c, List<Rational[]> tight)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(tight);
        if (c.All(x => x.IsZero))
        {
            return false;
        }

        var rows = tight.Select(t => Split(t, negate: true)).Append([.. Enumerable.Repeat(Rational.One, 2 * c.Length)]).ToArray();
        var b = tight.Select(_ => Rational.Zero).Append(Rational.One).ToArray();
        return ExactSimplex.Maximize(Split(c, negate: false), rows, b)!.Value.Sign > 0
            || ExactSimplex.Maximize(Split(c, negate: true), rows, b)!.Value.Sign > 0;
    }

    /// <summary>How far <c>c·y</c> can go down and up subject to <c>-(r·y) &lt;= slack</c> for every row; null where unbounded.</summary>
    public static (Rational? Down, Rational? Up) Range(Rational[] c, List<(Rational[] Row, Rational Slack)> rows)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(rows);
        var a = rows.Select(r => Split(r.Row, negate: true)).ToArray();
        var b = rows.Select(r => r.Slack).ToArray();
        return (ExactSimplex.Maximize(Split(c, negate: true), a, b), ExactSimplex.Maximize(Split(c, negate: false), a, b));
    }

    /// <summary>[r, -r] (or [-r, r]) for y = u - v.</summary>
    private static Rational[] Split(Rational[] r, bool negate) =>
        [.. r.Select(x => negate ? -x : x), .. r.Select(x => negate ? x : -x)];
}
