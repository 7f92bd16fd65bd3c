namespace Pipeline.Testing.Disclosure;

/// <summary>
/// The simplex method in exact rational arithmetic for <c>max c·z subject to A z &lt;= b, z &gt;= 0</c> with
/// <c>b &gt;= 0</c> (so the slack basis is a feasible start and no first phase is needed). Bland's rule (the lowest
/// index enters, the lowest index leaves among ties) means it never cycles, so it ends with the exact optimum or
/// finds the problem unbounded.
/// </summary>
public static class ExactSimplex
{
    /// <returns>The maximum, or null when the objective is unbounded above.</returns>
    public static Rational? Maximize(Rational[] c, Rational[][] a, Rational[] b)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int m = a.Length, n = c.Length, width = n + m;
        var rows = new Rational[m][];
        var rhs = new Rational[m];
        var basis = new int[m];
        for (var i = 0; i < m; i++)
        {
            if (b[i].Sign < 0)
            {
                throw new ArgumentException("The start z = 0 must be feasible: every b must be 0 or more.", nameof(b));
            }

            rows[i] = new Rational[width];
            for (var j = 0; j < n; j++)
            {
                rows[i][j] = a[i][j];
            }

            for (var j = n; j < width; j++)
            {
                rows[i][j] = j - n == i ? Rational.One : Rational.Zero;
            }

            rhs[i] = b[i];
            basis[i] = n + i;
        }

        // Reduced costs: the objective row, as c - (costs of the basis) x rows; the slacks cost nothing.
        var reduced = new Rational[width];
        for (var j = 0; j < width; j++)
        {
            reduced[j] = j < n ? c[j] : Rational.Zero;
        }

        var value = Rational.Zero;
        while (true)
        {
            var entering = -1;
            for (var j = 0; j < width; j++)
            {
                if (reduced[j].Sign > 0)
                {
                    entering = j;
                    break;
                }
            }

            if (entering < 0)
            {
                return value;
            }

            var leaving = -1;
            Rational best = default;
            for (var i = 0; i < m; i++)
            {
                if (rows[i][entering].Sign <= 0)
                {
                    continue;
                }

                var ratio = rhs[i] / rows[i][entering];
                if (leaving < 0 || ratio < best || (ratio == best && basis[i] < basis[leaving]))
                {
                    leaving = i;
                    best = ratio;
                }
            }

            if (leaving < 0)
            {
                return null;
            }

            Pivot(rows, rhs, reduced, leaving, entering, ref value);
            basis[leaving] = entering;
        }
    }

    private static void Pivot(Rational[][] rows, Rational[] rhs, Rational[] reduced, int r, int e, ref Rational value)
    {
        var pivot = rows[r][e];
        var row = rows[r];
        for (var j = 0; j < row.Length; j++)
        {
            if (!row[j].IsZero)
            {
                row[j] /= pivot;
            }
        }

        rhs[r] /= pivot;
        for (var i = 0; i < rows.Length; i++)
        {
            if (i == r || rows[i][e].IsZero)
            {
                continue;
            }

            var factor = rows[i][e];
            for (var j = 0; j < row.Length; j++)
            {
                if (!row[j].IsZero)
                {
                    rows[i][j] -= factor * row[j];
                }
            }

            rhs[i] -= factor * rhs[r];
        }

        if (!reduced[e].IsZero)
        {
            var factor = reduced[e];
            for (var j = 0; j < row.Length; j++)
            {
                if (!row[j].IsZero)
                {
                    reduced[j] -= factor * row[j];
                }
            }

            value += factor * rhs[r];
        }
    }
}
