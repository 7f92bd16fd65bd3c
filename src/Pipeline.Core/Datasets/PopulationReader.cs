using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Core.Datasets;

/// <summary>
/// Reads a population (<c>populations/&lt;id&gt;.csv</c> with columns <c>year,area_code,population</c>, and
/// <c>&lt;id&gt;.json</c> with <c>{"title", "source"}</c>) and checks it as a return is checked, so a bad file stops
/// the app at start: a header of exactly those columns; a year of four digits; an ONS GSS code; a population that is a
/// whole number above 0; no area twice in a year. A byte order mark and CRLF line ends are accepted. Every problem is
/// reported, each naming the file, the row (the header is row 1) and the column.
/// </summary>
public static class PopulationReader
{
    public static readonly string[] Columns = ["year", "area_code", "population"];

    /// <exception cref="DatasetDefinitionException">The files are not a usable population; the message lists every problem.</exception>
    public static PopulationTable Read(string id, string csv, string csvSource, string json, string jsonSource)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(json);
        var source = ReadSource(json, jsonSource);
        var problems = new List<string>();
        var rows = ReadRows(csv, csvSource, problems);
        if (problems.Count > 0)
        {
            throw new DatasetDefinitionException(string.Join(" ", problems));
        }

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv + "\n" + json)));
        return new PopulationTable(id, source.Title, source.Source, csvSource, fingerprint, rows);
    }

    private static PopulationSource ReadSource(string json, string jsonSource)
    {
        PopulationSource? source;
        try
        {
            source = JsonSerializer.Deserialize(json, DatasetJsonContext.Default.PopulationSource);
        }
        catch (JsonException e)
        {
            throw new DatasetDefinitionException($"{jsonSource}: not a population's description ({{\"title\", \"source\"}}): {e.Message}");
        }

        if (source is null || string.IsNullOrWhiteSpace(source.Title) || string.IsNullOrWhiteSpace(source.Source))
        {
            throw new DatasetDefinitionException($"{jsonSource}: a population's description needs a 'title' and a 'source'.");
        }

        return source;
    }

    private static List<PopulationRow> ReadRows(string csv, string file, List<string> problems)
    {
        var text = csv.StartsWith('\uFEFF') ? csv[1..] : csv;
        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var header = count > 0 ? lines[0].TrimEnd('\r') : string.Empty;
        if (!string.Equals(header, string.Join(',', Columns), StringComparison.Ordinal))
        {
            problems.Add($"{file}: row 1, column year: the header must be exactly 'year,area_code,population' (it is '{header}').");
            return [];
        }

        var rows = new List<PopulationRow>(count);
        var seen = new Dictionary<(int, string), int>();
        for (var i = 1; i < count; i++)
        {
            var row = i + 1;
            var cells = lines[i].TrimEnd('\r').Split(',');
            if (cells.Length != Columns.Length)
            {
                problems.Add($"{file}: row {row}, column {(cells.Length < Columns.Length ? Columns[cells.Length] : "population")}: a row has exactly 3 cells (it has {cells.Length}).");
                continue;
            }

            var ok = true;
            if (cells[0].Length != 4 || !int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1000)
            {
                problems.Add($"{file}: row {row}, column year: '{cells[0]}' is not a year of four digits.");
                ok = false;
                year = 0;
            }

            if (!GssCode.IsValid(cells[1]))
            {
                problems.Add($"{file}: row {row}, column area_code: '{cells[1]}' is not an area code (a GSS code such as E08000025).");
                ok = false;
            }

            if (!long.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var people) || people <= 0)
            {
                problems.Add($"{file}: row {row}, column population: '{cells[2]}' is not a whole number greater than 0.");
                ok = false;
            }

            if (ok && !seen.TryAdd((year, cells[1]), row))
            {
                problems.Add($"{file}: row {row}, column area_code: {cells[1]} already has a population for {year} (row {seen[(year, cells[1])]}).");
                ok = false;
            }

            if (ok)
            {
                rows.Add(new PopulationRow(row, year, cells[1], people));
            }
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{file}: row 2, column year: the file has no rows after its header.");
        }

        return rows;
    }
}
