namespace Pipeline.Core.Validation;

/// <summary>
/// Names that are nearly right: the same once spaces, hyphens, underscores and case are set aside (<c>Area Code</c>,
/// <c>areacode</c>, <c>area-code</c> for <c>area_code</c>), or a small edit away (a letter missing, extra, wrong, or two
/// swapped). Used for "did you mean" hints: header columns here, commands and options in the CLI.
/// </summary>
public static class NearMiss
{
    /// <summary>The candidate <paramref name="name"/> most nearly is (the first of equals), or null when none is near.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var normalised = Normalise(name);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var target = Normalise(candidate);
            var distance = Distance(normalised, target);
            if (distance <= Allowed(target) && distance < bestDistance && !string.Equals(name, candidate, StringComparison.Ordinal))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Lower case without spaces, hyphens or underscores: <c>Area Code</c> and <c>area_code</c> are both <c>areacode</c>.</summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Where(c => c is not (' ' or '-' or '_')).Select(char.ToLowerInvariant));
    }

    /// <summary>One edit for a short name, two from eight characters on; never enough to turn a short name into another.</summary>
    private static int Allowed(string target) => target.Length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
