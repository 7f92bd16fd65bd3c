using System.Text.Json;

namespace Pipeline.Testing.Disclosure;

/// <summary>
/// Two releases of a scheduled dataset read together, as a reader holding both would: the cells of a quarter neither
/// changed are the same unknowns in both, a quarter the later release corrected is two sets of unknowns (the earlier
/// release's version named apart, <see cref="Version"/>), and the later release's notes and revision log add what they
/// say of each version: a note's previous value is a figure of the replaced version's cell, its current value one of the
/// new cell, a revision's previous totals the replaced version's totals.
/// </summary>
public sealed partial class PublicFigures
{
    /// <summary>The name the cells of version <paramref name="revision"/> of <paramref name="quarter"/> have once a later release replaced it.</summary>
    public static string Version(string quarter, int revision) => $"{quarter} revision {revision}";

    /// <summary>Adds everything <paramref name="other"/> (another release's figures) publishes.</summary>
    public void Include(PublicFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Figures.AddRange(other.Figures);
        Problems.AddRange(other.Problems);
        Changes.AddRange(other.Changes);
        foreach (var (quarter, codes) in other.AreasOf)
        {
            AreasOf.TryAdd(quarter, codes);
        }
    }

    /// <summary>
    /// Adds a release's notes (<c>GET /api/releases/{id}</c>): each revised figure's previous value as one of the cell of
    /// the version <paramref name="previousQuarter"/> names, its current value as one of the quarter's cell.
    /// </summary>
    public void ReadReleaseNotes(byte[] release, Func<string, string> previousQuarter)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(previousQuarter);
        using var json = JsonDocument.Parse(release);
        var id = json.RootElement.GetProperty("id").GetString();
        foreach (var line in json.RootElement.GetProperty("notes").GetProperty("revised").EnumerateArray())
        {
            var q = line.GetProperty("quarter").GetString()!;
            var area = line.GetProperty("area").GetString()!;
            var field = line.GetProperty("field").GetString()!;
            var previous = Add($"notes of {id} {q} {area} {field} previous", field, [(previousQuarter(q), area)], line, "previous");
            var current = Add($"notes of {id} {q} {area} {field} current", field, [(_cellQuarter(q), area)], line, "current");
            if (!previous.Withheld && !current.Withheld && previous.Published == current.Published)
            {
                Problems.Add($"notes of {id} {q} {area} {field}: listed, but published as {current.Published} in both releases.");
            }
        }
    }

    /// <summary>
    /// Adds each revision's previous totals as the totals of the version <paramref name="replacedQuarter"/> names (given
    /// the quarter and the revision; null for a version no release published, which is left out), over the areas the
    /// release that published it had (<see cref="Include"/> it first).
    /// </summary>
    public void ReadReplacedTotals(byte[] revisions, Func<string, int, string?> replacedQuarter)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(replacedQuarter);
        using var json = JsonDocument.Parse(revisions);
        foreach (var revision in json.RootElement.EnumerateArray())
        {
            var q = revision.GetProperty("quarter").GetString()!;
            var n = revision.GetProperty("revision").GetInt32();
            if (replacedQuarter(q, n) is { } replaced)
            {
                var codes = AreasOf.TryGetValue(replaced, out var found) ? found
                    : throw new InvalidOperationException($"No areas are known of {replaced}: include the release that published it first.");
                foreach (var field in _dataset.Fields)
                {
                    Add($"revision {q} r{n} previous {field.Name}", field.Name, [.. codes.Select(c => (replaced, c))], revision.GetProperty("totals").GetProperty(field.Name), "previous");
                }
            }
        }
    }
}
