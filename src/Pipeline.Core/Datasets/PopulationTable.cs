namespace Pipeline.Core.Datasets;

/// <summary>
/// One population file (<c>populations/&lt;id&gt;.csv</c> and its <c>.json</c>): people in each area, year by year, as
/// mid-year estimates; the denominators of a dataset's <c>perPopulation</c> metrics. Read and checked by
/// <see cref="PopulationReader"/>.
/// </summary>
public sealed class PopulationTable
{
    private readonly Dictionary<(int Year, string Area), long> counts;
    private readonly Dictionary<(int Year, string Area), int> rows;

    internal PopulationTable(string id, string title, string source, string file, string fingerprint, IEnumerable<PopulationRow> entries)
    {
        Id = id;
        Title = title;
        Source = source;
        File = file;
        Fingerprint = fingerprint;
        counts = [];
        rows = [];
        foreach (var entry in entries)
        {
            counts.Add((entry.Year, entry.AreaCode), entry.Population);
            rows.Add((entry.Year, entry.AreaCode), entry.Row);
        }

        Years = [.. counts.Keys.Select(k => k.Year).Distinct().Order()];
    }

    /// <summary>The file's name without extension: what a metric's <c>population</c> names.</summary>
    public string Id { get; }

    /// <summary>What it counts, for people: "People aged 10 to 24".</summary>
    public string Title { get; }

    /// <summary>Where the figures come from, said plainly (and whether they are official).</summary>
    public string Source { get; }

    /// <summary>The CSV file it was read from, for messages.</summary>
    public string File { get; }

    /// <summary>A SHA-256 of the CSV and JSON as read: a recalculation's inputs include it, so new estimates recompute the rates.</summary>
    public string Fingerprint { get; }

    /// <summary>The years the file covers, oldest first.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The latest year the file covers that is not after <paramref name="endYear"/>; null when it starts later.</summary>
    public int? YearFor(int endYear)
    {
        int? chosen = null;
        foreach (var year in Years)
        {
            if (year <= endYear)
            {
                chosen = year;
            }
        }

        return chosen;
    }

    /// <summary>The area's population in that year, or null when the file has none.</summary>
    public long? Of(int year, string areaCode) => counts.TryGetValue((year, areaCode), out var people) ? people : null;

    /// <summary>
    /// Every problem with the file against the areas a dataset using it has (<paramref name="areas"/>): a row whose area
    /// is not one of them (naming the row and column), and an area with no row in a year the file covers.
    /// </summary>
    public IReadOnlyList<string> CheckAreas(IReadOnlyList<Area> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var known = areas.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var problems = rows
            .Where(r => !known.Contains(r.Key.Area))
            .OrderBy(r => r.Value)
            .Select(r => $"{File}: row {r.Value}, column area_code: '{r.Key.Area}' is not one of the configured areas.")
            .ToList();
        foreach (var year in Years)
        {
            problems.AddRange(areas
                .Where(a => !counts.ContainsKey((year, a.Code)))
                .Select(a => $"{File}: column area_code: year {year} has no row for {a.Code} ({a.Name}); every configured area needs a population for each year the file covers."));
        }

        return problems;
    }
}

/// <summary>One row of a population file, with its row number (the header is row 1).</summary>
internal readonly record struct PopulationRow(int Row, int Year, string AreaCode, long Population);
