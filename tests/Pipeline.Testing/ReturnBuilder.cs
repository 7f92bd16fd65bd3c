using System.Globalization;
using System.Text;
using Pipeline.Core.Datasets;
using Pipeline.Core.Validation;

namespace Pipeline.Testing;

/// <summary>
/// Builds the text of a quarterly return of any dataset. <see cref="ForQuarter"/> (the default dataset) and
/// <see cref="For"/> start from a complete, valid return for the dataset's areas (the seven West Midlands ones unless it
/// lists its own) in code order (Birmingham on row 2 ... Wolverhampton on row 8); each With... changes one thing. Cells
/// are quoted as RFC 4180 requires; <see cref="WithRawRow"/> and <see cref="WithLine"/> write text verbatim.
/// </summary>
public sealed class ReturnBuilder
{
    private readonly List<Line> lines = [];
    private readonly List<string> linesBeforeHeader = [];
    private readonly DatasetDefinition dataset;
    private string[] header;
    private string newLine = "\n";
    private bool byteOrderMark;
    private bool quoteEveryCell;

    private ReturnBuilder(DatasetDefinition dataset, string quarter)
    {
        this.dataset = dataset;
        Quarter = quarter;
        header = [.. dataset.Columns];
    }

    public string Quarter { get; }

    /// <summary>A name the validator accepts for this return: <c>returns/{quarter}.csv</c>.</summary>
    public string FileName => $"returns/{Quarter}.csv";

    /// <summary>
    /// A valid return of the default dataset: area i (0-based) reports offences 100 + 10i, knife offences 5 + i and
    /// positive outcomes 12 + i.
    /// </summary>
    public static ReturnBuilder ForQuarter(string quarter) => For(DatasetRegistry.BuiltIn.Default, quarter);

    /// <summary>
    /// A valid return of <paramref name="dataset"/>: area i reports 100 + 10i in its first field, 5 + i in a field that
    /// must not exceed another, and 12 + i + j in any other field j.
    /// </summary>
    public static ReturnBuilder For(DatasetDefinition dataset, string quarter)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var builder = new ReturnBuilder(dataset, quarter);
        var areas = dataset.Areas ?? ValidationOptions.WestMidlands;
        for (var i = 0; i < areas.Count; i++)
        {
            var counts = dataset.Fields.Select((field, j) => j == 0 ? 100L + (10 * i) : field.NotGreaterThan is not null ? 5L + i : 12L + i + j - 2).ToArray();
            builder.WithCounts(areas[i].Code, areas[i].Name, counts);
        }

        return builder;
    }

    /// <summary>Sets an area's row to these counts, one per field in the dataset's order (replacing it in place, else appending).</summary>
    public ReturnBuilder WithCounts(string code, string? name, params long[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        name ??= (dataset.Areas ?? ValidationOptions.WestMidlands).FirstOrDefault(a => a.Code == code)?.Name ?? "Somewhere";
        var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [FrameColumns.Quarter] = Quarter,
            [FrameColumns.AreaCode] = code,
            [FrameColumns.AreaName] = name,
        };
        for (var j = 0; j < dataset.Fields.Count; j++)
        {
            cells[dataset.Fields[j].Name] = counts[j].ToString(CultureInfo.InvariantCulture);
        }

        var row = new Line(code, null, cells);
        var index = lines.FindIndex(l => l.AreaCode == code);
        if (index >= 0)
        {
            lines[index] = row;
        }
        else
        {
            lines.Add(row);
        }

        return this;
    }

    /// <summary>Sets an area's row of the default dataset (replacing it in place if there is one, else appending it).</summary>
    public ReturnBuilder WithArea(string code, string? name = null, long offences = 100, long knifeOffences = 5, long positiveOutcomes = 12) =>
        WithCounts(code, name, offences, knifeOffences, positiveOutcomes);

    public ReturnBuilder WithoutArea(string code)
    {
        lines.RemoveAll(l => l.AreaCode == code);
        return this;
    }

    public ReturnBuilder WithoutAreas()
    {
        lines.RemoveAll(l => l.AreaCode is not null);
        return this;
    }

    /// <summary>Sets one cell of an area's row; <paramref name="column"/> is a header name (an extra column too).</summary>
    public ReturnBuilder WithCell(string areaCode, string column, string value)
    {
        lines.Single(l => l.AreaCode == areaCode).Cells![column.Trim()] = value;
        return this;
    }

    /// <summary>Appends a row of the given cells (quoted as needed), whatever its width.</summary>
    public ReturnBuilder WithRow(params string[] cells)
    {
        lines.Add(new Line(null, string.Join(',', cells.Select(Quote)), null));
        return this;
    }

    /// <summary>Appends a line verbatim (no quoting; a blank line is <c>""</c>).</summary>
    public ReturnBuilder WithLine(string text)
    {
        lines.Add(new Line(null, text, null));
        return this;
    }

    public ReturnBuilder WithBlankLine() => WithLine(string.Empty);

    /// <summary>Writes an area's row as the given text, verbatim, in the row's place.</summary>
    public ReturnBuilder WithRawRow(string areaCode, string text)
    {
        var index = lines.FindIndex(l => l.AreaCode == areaCode);
        lines[index] = new Line(areaCode, text, null);
        return this;
    }

    /// <summary>Replaces the header: names as written (case, spaces); rows write their cells in this order.</summary>
    public ReturnBuilder WithHeader(params string[] names)
    {
        header = names;
        return this;
    }

    public ReturnBuilder WithLineBeforeHeader(string text)
    {
        linesBeforeHeader.Add(text);
        return this;
    }

    public ReturnBuilder WithCrLf()
    {
        newLine = "\r\n";
        return this;
    }

    public ReturnBuilder WithByteOrderMark()
    {
        byteOrderMark = true;
        return this;
    }

    public ReturnBuilder WithEveryCellQuoted()
    {
        quoteEveryCell = true;
        return this;
    }

    /// <summary>The spreadsheet row of an area's record (header row 1), counting the lines before it.</summary>
    public int RowOf(string areaCode) => linesBeforeHeader.Count + 2 + lines.FindIndex(l => l.AreaCode == areaCode);

    public string Build()
    {
        var text = new StringBuilder();
        foreach (var line in linesBeforeHeader)
        {
            text.Append(line).Append(newLine);
        }

        text.AppendJoin(',', header.Select(Quote)).Append(newLine);
        foreach (var line in lines)
        {
            text.Append(line.Text ?? string.Join(',', header.Select(h => Quote(line.Cells!.GetValueOrDefault(h.Trim(), string.Empty))))).Append(newLine);
        }

        return text.ToString();
    }

    public byte[] BuildBytes() => [.. byteOrderMark ? Encoding.UTF8.Preamble : [], .. Encoding.UTF8.GetBytes(Build())];

    private string Quote(string cell) =>
        quoteEveryCell || cell.AsSpan().ContainsAny(",\"\r\n")
            ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : cell;

    private sealed record Line(string? AreaCode, string? Text, Dictionary<string, string>? Cells);
}
