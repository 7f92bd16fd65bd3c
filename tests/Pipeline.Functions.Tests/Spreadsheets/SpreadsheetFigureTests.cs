using System.Globalization;
using Pipeline.Core.Datasets;

namespace Pipeline.Functions.Tests.Spreadsheets;

/// <summary>
/// The figures of both datasets' summaries and series, as LibreOffice Calc and odfpy read them from the workbooks the
/// API serves (<c>format=ods</c>), equal the API's CSV of the same request, sheet by sheet: the totals in Table_1, each
/// measure's (or field's) areas in its own table, [z] and [x] where the CSV has no figure.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SpreadsheetFigureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private MadeWorkbooks _made = null!;

    public async Task InitializeAsync() => _made = await MadeWorkbooks.GetAsync(azurite);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("summary", "serious-youth-violence")]
    [InlineData("admissions-summary", "violence-admissions")]
    [InlineData("series", "serious-youth-violence")]
    [InlineData("admissions-series", "violence-admissions")]
    public void Every_figure_LibreOffice_reads_equals_the_csv_sheet_by_sheet(string kind, string dataset)
    {
        var expected = Expected(kind, dataset);
        var calc = _made.Calc(kind);

        Assert.Equal(expected.Keys.Order(), calc.Keys.Where(k => k.StartsWith("Table_", StringComparison.Ordinal)).Order());
        foreach (var (sheet, rows) in expected)
        {
            var read = calc[sheet].Skip(2).ToList(); // The title, then the header row.
            Assert.Equal(rows.Count, read.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    AssertSame(rows[r][c], read[r][c], $"{kind} {sheet} row {r + 3} column {c + 1}");
                }
            }
        }
    }

    [Theory]
    [InlineData("summary", "serious-youth-violence")]
    [InlineData("admissions-summary", "violence-admissions")]
    [InlineData("series", "serious-youth-violence")]
    [InlineData("admissions-series", "violence-admissions")]
    public void Every_figure_odfpy_reads_equals_the_csv_and_is_stored_as_a_number(string kind, string dataset)
    {
        var expected = Expected(kind, dataset);
        var sheets = _made.Read(kind)["sheets"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => s!["rows"]!.AsArray());

        foreach (var (sheet, rows) in expected)
        {
            var read = sheets[sheet].Skip(2).ToList();
            Assert.Equal(rows.Count, read.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var cell = read[r]![c]!;
                    var where = $"{kind} {sheet} row {r + 3} column {c + 1}";
                    if (decimal.TryParse(rows[r][c], NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && rows[r][c].All(ch => ch is '-' or '.' || char.IsAsciiDigit(ch)))
                    {
                        Assert.True((string?)cell["type"] == "float", $"{where}: {cell.ToJsonString()} is not a number");
                        Assert.Equal(number, decimal.Parse((string)cell["value"]!, NumberStyles.Float, CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        Assert.Equal(("string", rows[r][c]), ((string?)cell["type"], (string?)cell["text"]));
                    }
                }
            }
        }
    }

    [Fact]
    public void A_rate_and_a_rate_per_population_stand_beside_their_intervals_limits_in_columns_of_their_own()
    {
        var calc = _made.Calc("summary");
        Assert.Equal(
            ["Measure", "2023", "2023 lower 95% limit", "2023 upper 95% limit", "2024", "2024 lower 95% limit", "2024 upper 95% limit", "Change", "Change (%)",
                "Change (percentage points)", "Change lower 95% limit (percentage points)", "Change upper 95% limit (percentage points)", "Notes"],
            calc["Table_1"][1]);
        Assert.Equal(
            ["Area code", "Area name", "2023 (%)", "2023 lower 95% limit (%)", "2023 upper 95% limit (%)", "2024 (%)", "2024 lower 95% limit (%)", "2024 upper 95% limit (%)",
                "Change (percentage points)", "Change lower 95% limit (percentage points)", "Change upper 95% limit (percentage points)", "Notes"],
            calc["Table_5"][1]);
        Assert.Equal(
            ["Area code", "Area name", "2023", "2023 lower 95% limit", "2023 upper 95% limit", "2024", "2024 lower 95% limit", "2024 upper 95% limit", "Change", "Notes"],
            calc["Table_6"][1]);
        Assert.Equal("Offences per 1,000 people aged 10 to 24", calc["Table_1"][6][0]);
    }

    /// <summary>Equal as numbers when the expected is one (LibreOffice writes 10.2 for 10.20), else equal as text.</summary>
    private static void AssertSame(string expected, string actual, string where)
    {
        if (decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && expected.All(ch => ch is '-' or '.' || char.IsAsciiDigit(ch)))
        {
            Assert.True(decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var read) && read == number, $"{where}: expected {expected}, read '{actual}'");
        }
        else
        {
            Assert.True(expected == actual, $"{where}: expected '{expected}', read '{actual}'");
        }
    }

    /// <summary>
    /// Each table sheet's rows as the CSV gives their figures (the notes column left out): the text cells, the numbers
    /// as the CSV writes them, and the shorthand where the CSV cell is empty or the area has no row.
    /// </summary>
    private Dictionary<string, List<string[]>> Expected(string kind, string datasetId)
    {
        var csv = _made.Csv[kind];
        var header = csv[0];
        var rows = csv.Skip(1).Where(r => r.Length == header.Length).ToList();
        var dataset = _made.Datasets.All.Single(d => d.Id == datasetId);
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)] is { Length: > 0 } value ? value : "[z]";
        var tables = new Dictionary<string, List<string[]>>();
        if (kind.EndsWith("summary", StringComparison.Ordinal))
        {
            var total = rows.Single(r => r[Array.IndexOf(header, "area_code")] == "");
            var areas = rows.Where(r => r[Array.IndexOf(header, "area_code")] != "").ToList();
            // A rate's or a rate per population's figures each beside their interval's limits; where a column does not
            // apply to the measure, [z]; a rate per population without a population, [x].
            string[] Totals(DatasetMetric m)
            {
                var s = Snake(m.Id);
                return m.Rate is not null
                    ? [.. Parts(total, s, "previous", "previous_lower", "previous_upper", "current", "current_lower", "current_upper"), "[z]", "[z]", .. Parts(total, s, "change_points", "change_lower", "change_upper")]
                    : m.PerPopulation is not null
                    ? [.. PerPeople(total, s, "previous", "previous_lower", "previous_upper", "current", "current_lower", "current_upper", "change"), "[z]", "[z]", "[z]", "[z]"]
                    : [Cell(total, s + "_previous"), "[z]", "[z]", Cell(total, s + "_current"), "[z]", "[z]", Cell(total, s + "_change"), Cell(total, s + "_change_percent"), "[z]", "[z]", "[z]"];
            }

            string[] ByArea(DatasetMetric m, string[] area)
            {
                var s = Snake(m.Id);
                return m.Rate is not null
                    ? Parts(area, s, "previous", "previous_lower", "previous_upper", "current", "current_lower", "current_upper", "change_points", "change_lower", "change_upper")
                    : m.PerPopulation is not null
                    ? PerPeople(area, s, "previous", "previous_lower", "previous_upper", "current", "current_lower", "current_upper", "change")
                    : Parts(area, s, "previous", "current", "change", "change_percent");
            }

            string[] Parts(string[] row, string stem, params string[] parts) => [.. parts.Select(p => Cell(row, $"{stem}_{p}"))];
            string[] PerPeople(string[] row, string stem, params string[] parts) => [.. Parts(row, stem, parts).Select(c => c == "[z]" ? "[x]" : c)];

            tables["Table_1"] = [.. dataset.Metrics.Select(m => (string[])["measure", .. Totals(m)])];
            for (var i = 0; i < dataset.Metrics.Count; i++)
            {
                var metric = dataset.Metrics[i];
                tables[$"Table_{i + 2}"] = [.. areas.Select(a => (string[])[a[4], a[5], .. ByArea(metric, a)])];
            }

            // The measure's name is not a figure: take what was read, so that the comparison is of the figures.
            var read = _made.Calc(kind)["Table_1"].Skip(2).ToList();
            tables["Table_1"] = [.. tables["Table_1"].Select((r, i) => (string[])[read[i][0], .. r.Skip(1)])];
            return tables;
        }

        var quarters = rows.Select(r => r[0]).Distinct().ToList();
        var fields = header.Skip(3).ToList();
        tables["Table_1"] = [.. rows.Where(r => r[1] == "").Select(r => (string[])[r[0], .. r.Skip(3)])];
        var byArea = rows.Where(r => r[1] != "").GroupBy(r => r[1]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (var f = 0; f < fields.Count; f++)
        {
            var field = f;
            tables[$"Table_{f + 2}"] = [.. byArea.Select(g => (string[])[g.Key, g.First()[2], .. quarters.Select(q => g.FirstOrDefault(r => r[0] == q)?[3 + field] ?? "[x]")])];
        }

        return tables;
    }

    private static string Snake(string id) => string.Concat(id.Select(c => char.IsAsciiLetterUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
}
