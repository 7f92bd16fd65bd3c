using Pipeline.Core.Datasets;
using System.Text;
using Pipeline.Core.Returns;
using Pipeline.Core.Validation;

namespace Pipeline.Core.Tests;

/// <summary>
/// Builds the text of a quarterly return. <see cref="ForQuarter"/> starts from a complete, valid return for the seven
/// West Midlands areas in code order (Birmingham on row 2 ... Wolverhampton on row 8); each With... changes one thing.
/// Cells are quoted as RFC 4180 requires; <see cref="WithRawRow"/> and <see cref="WithLine"/> write text verbatim.
/// </summary>
public sealed class ReturnBuilder
{
    private readonly List<Line> lines = [];
    private readonly List<string> linesBeforeHeader = [];
    private string[] header = [.. DefaultDataset.Columns];
    private string newLine = "\n";
    private bool byteOrderMark;
    private bool quoteEveryCell;

    private ReturnBuilder(string quarter) => Quarter = quarter;

    public string Quarter { get; }

    /// <summary>A name the validator accepts for this return: <c>returns/{quarter}.csv</c>.</summary>
    public string FileName => $"returns/{Quarter}.csv";

    public static ReturnBuilder ForQuarter(string quarter)
    {
        var builder = new ReturnBuilder(quarter);
        var areas = ValidationOptions.WestMidlands;
        for (var i = 0; i < areas.Count; i++)
        {
            builder.WithArea(areas[i].Code, areas[i].Name, offences: 100 + (10 * i), knifeOffences: 5 + i, positiveOutcomes: 12 + i);
        }

        return builder;
    }

    /// <summary>Sets an area's row (replacing it in place if there is one, else appending it).</summary>
    public ReturnBuilder WithArea(string code, string? name = null, long offences = 100, long knifeOffences = 5, long positiveOutcomes = 12)
    {
        name ??= ValidationOptions.WestMidlands.FirstOrDefault(a => a.Code == code)?.Name ?? "Somewhere";
        var row = new Line(code, null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [FrameColumns.Quarter] = Quarter,
            [FrameColumns.AreaCode] = code,
            [FrameColumns.AreaName] = name,
            [DefaultDataset.Offences] = $"{offences}",
            [DefaultDataset.KnifeOffences] = $"{knifeOffences}",
            [DefaultDataset.PositiveOutcomes] = $"{positiveOutcomes}",
        });
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
