using Pipeline.Core.Returns;

namespace Pipeline.Core.Validation;

/// <summary>
/// The rules of the contract's section 1, applied record by record as the parser yields them, so that a file is never
/// held in memory: only the configured areas seen, the file's quarter and, while the file is still clean, its rows.
/// </summary>
internal sealed class ReturnCheck
{
    // Column positions: a required column the header lacks, or names twice, is not checked on the rows.
    private const int Absent = -1;
    private const int Ambiguous = -2;
    private const string UnsafeLeadingCharacters = "=+-@";

    private readonly ValidationOptions options;
    private readonly IssueCollector issues;
    private readonly IReadOnlyList<Area> areas;
    private readonly IReadOnlyDictionary<string, Area> areasByCode;
    private readonly Dictionary<string, int> areaRows;
    private readonly Dictionary<string, int> columns = new(StringComparer.Ordinal);
    private string[] headerNames = [];
    private int quarterAt = Absent;
    private int areaCodeAt = Absent;
    private int areaNameAt = Absent;
    private int offencesAt = Absent;
    private int knifeOffencesAt = Absent;
    private int positiveOutcomesAt = Absent;
    private Quarter? quarter;
    private int quarterRow;
    private List<AreaFigures>? figures;
    private bool rowsUnreadable;
    private bool encodingFailed;

    /// <param name="areasByCode">The configured areas by code, built once by the validator rather than once per file.</param>
    public ReturnCheck(ValidationOptions options, IReadOnlyDictionary<string, Area> areasByCode, IssueCollector issues)
    {
        this.options = options;
        this.issues = issues;
        this.areasByCode = areasByCode;
        areas = options.EffectiveAreas;

        // A valid return has one row per configured area: sized once, these never grow by copying.
        areaRows = new Dictionary<string, int>(areas.Count, StringComparer.Ordinal);
        figures = new List<AreaFigures>(areas.Count);
    }

    /// <summary>The spreadsheet row of the header, once a non-blank record has been read.</summary>
    public int? HeaderRow { get; private set; }

    /// <summary>The data records read (blank rows excluded, rows with errors included).</summary>
    public int Rows { get; private set; }

    /// <summary>The quarter of the first row that gives a valid one.</summary>
    public Quarter? Quarter => quarter;

    /// <summary>Set when nothing more can be learned from the rest of the file (it is still read, for the hash).</summary>
    public bool StopReading { get; private set; }

    /// <summary>The rows, retained only while the file has no errors; null once it has one.</summary>
    public IReadOnlyList<AreaFigures>? Figures => figures;

    /// <param name="row">The spreadsheet row (header = 1; blank lines count; a multi-line quoted cell is one row).</param>
    /// <param name="cells">The record's cells, untrimmed.</param>
    /// <param name="badField">The field the parser found broken quoting in, if any.</param>
    public void Record(int row, string[] cells, string? badField)
    {
        if (badField is null && Array.TrueForAll(cells, string.IsNullOrWhiteSpace))
        {
            issues.Warning(ValidationCodes.BlankRow, row, null, null, ValidationMessages.BlankRow, row);
        }
        else if (HeaderRow is null)
        {
            ReadHeader(row, cells, badField);
        }
        else
        {
            CheckRow(row, cells, badField);
        }
    }

    public void EncodingError()
    {
        encodingFailed = true;
        rowsUnreadable = true;
        StopReading = true;
        issues.Error(ValidationCodes.EncodingError, null, null, null, ValidationMessages.EncodingError());
    }

    public void CellTooLong(int row, int maximum)
    {
        HeaderRow ??= row;
        rowsUnreadable = true;
        StopReading = true;
        issues.Error(ValidationCodes.MalformedCsv, row, null, null, ValidationMessages.CellTooLong(row, maximum));
    }

    /// <summary>The checks that need the whole file: its quarter against the name and the clock, and the areas absent.</summary>
    public void Finish(string fileName, DateTimeOffset now)
    {
        if (HeaderRow is null && !encodingFailed)
        {
            // Blank lines with no header: the one thing to say is that the file is empty.
            issues.ClearWarnings();
            issues.Error(ValidationCodes.EmptyFile, null, null, null, ValidationMessages.EmptyFile());
            return;
        }

        if (quarter is { } known)
        {
            if (FileNameQuarter.FindMismatch(fileName, known) is var (token, named))
            {
                issues.Error(ValidationCodes.QuarterNameMismatch, null, null, token, ValidationMessages.QuarterNameMismatch(fileName, named, known));
            }

            if (!known.HasEndedAt(now))
            {
                issues.Error(ValidationCodes.FutureQuarter, null, ReturnColumns.Quarter, known.ToString(), ValidationMessages.FutureQuarter(known));
            }
        }

        // Only when every row was read: an area in a row the parser could not read is not "missing".
        if (!rowsUnreadable && areaCodeAt >= 0 && areaRows.Count < areas.Count)
        {
            foreach (var area in areas.Where(a => !areaRows.ContainsKey(a.Code)))
            {
                issues.Error(ValidationCodes.MissingArea, null, ReturnColumns.AreaCode, area.Code, ValidationMessages.MissingArea(area));
            }
        }

        if (issues.HasErrors)
        {
            figures = null;
        }
    }

    private void ReadHeader(int row, string[] cells, string? badField)
    {
        HeaderRow = row;
        if (badField is not null)
        {
            // Without a header that can be trusted no row can be read against it.
            issues.Error(ValidationCodes.MalformedCsv, row, null, badField, ValidationMessages.MalformedCsv, row);
            rowsUnreadable = true;
            StopReading = true;
            return;
        }

        headerNames = new string[cells.Length];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < cells.Length; i++)
        {
            var name = cells[i].Trim();
            var required = ReturnColumns.All.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            headerNames[i] = required ?? name;
            if (name.Length == 0)
            {
                issues.Warning(ValidationCodes.UnknownColumn, row, null, null, ValidationMessages.UnnamedColumn(i + 1));
            }
            else if (!seen.Add(name))
            {
                issues.Error(ValidationCodes.DuplicateColumn, row, required ?? name, name, ValidationMessages.DuplicateColumn(required ?? name));
                if (required is not null)
                {
                    columns[required] = Ambiguous;
                }
            }
            else if (required is not null)
            {
                columns[required] = i;
            }
            else
            {
                issues.Warning(ValidationCodes.UnknownColumn, row, name, null, ValidationMessages.UnknownColumn(name));
            }
        }

        foreach (var column in ReturnColumns.All.Where(c => !columns.ContainsKey(c)))
        {
            columns[column] = Absent;
            issues.Error(ValidationCodes.MissingColumn, row, column, null, ValidationMessages.MissingColumn(column));
        }

        quarterAt = columns[ReturnColumns.Quarter];
        areaCodeAt = columns[ReturnColumns.AreaCode];
        areaNameAt = columns[ReturnColumns.AreaName];
        offencesAt = columns[ReturnColumns.Offences];
        knifeOffencesAt = columns[ReturnColumns.KnifeOffences];
        positiveOutcomesAt = columns[ReturnColumns.PositiveOutcomes];
    }

    private void CheckRow(int row, string[] cells, string? badField)
    {
        Rows++;
        if (badField is not null)
        {
            issues.Error(ValidationCodes.MalformedCsv, row, null, badField, ValidationMessages.MalformedCsv, row);
            rowsUnreadable = true;
            figures = null;
            return;
        }

        // A row of the wrong width has its cells in doubt (typically an unquoted comma shifted them), so its values
        // are not checked; its area still counts as present, so that the area is not also reported missing.
        if (cells.Length != headerNames.Length)
        {
            ReportWidth(row, cells);
            NoteAreaOfUncheckedRow(row, cells);
            figures = null;
            return;
        }

        CheckQuarter(row, cells);
        var area = CheckAreaCode(row, cells);
        var name = CheckAreaName(row, cells, area);
        var offences = CheckCount(row, cells, ReturnColumns.Offences, offencesAt);
        var knifeOffences = CheckCount(row, cells, ReturnColumns.KnifeOffences, knifeOffencesAt);
        var positiveOutcomes = CheckCount(row, cells, ReturnColumns.PositiveOutcomes, positiveOutcomesAt);
        if (knifeOffences is { } knife && offences is { } all && knife > all)
        {
            issues.Error(
                ValidationCodes.KnifeExceedsOffences,
                row,
                ReturnColumns.KnifeOffences,
                Cell(cells, knifeOffencesAt),
                ValidationMessages.KnifeExceedsOffences, row, knife, all);
        }

        // A file with an error is rejected whole, so its rows are not kept: a huge bad file costs no memory.
        if (!issues.HasErrors && area is not null && name is not null && offences is { } o && knifeOffences is { } k && positiveOutcomes is { } p)
        {
            figures?.Add(new AreaFigures(area.Code, name, o, k, p));
        }
        else
        {
            figures = null;
        }
    }

    private void ReportWidth(int row, string[] cells)
    {
        if (cells.Length > headerNames.Length)
        {
            var extra = cells.Skip(headerNames.Length).Select(c => c.Trim()).FirstOrDefault(c => c.Length > 0);
            issues.Error(ValidationCodes.ExtraCell, row, null, extra, ValidationMessages.ExtraCell, row, cells.Length, headerNames.Length);
        }
        else
        {
            var column = headerNames[cells.Length];
            issues.Error(
                ValidationCodes.MissingCell,
                row,
                column.Length > 0 ? column : null,
                null,
                ValidationMessages.MissingCells, row, cells.Length, headerNames.Length, column.Length > 0 ? column : $"{cells.Length + 1}");
        }
    }

    private void NoteAreaOfUncheckedRow(int row, string[] cells)
    {
        var index = areaCodeAt;
        if (index >= 0 && index < cells.Length && cells[index].Trim() is var code && areasByCode.ContainsKey(code))
        {
            areaRows.TryAdd(code, row);
        }
    }

    private void CheckQuarter(int row, string[] cells)
    {
        var value = Cell(cells, quarterAt);
        if (value is null || IsBlank(row, ReturnColumns.Quarter, value, isCount: false))
        {
            return;
        }

        if (!Core.Quarter.TryParse(value, out var parsed))
        {
            issues.Error(ValidationCodes.TypeError, row, ReturnColumns.Quarter, value, ValidationMessages.NotAQuarter, row, value);
        }
        else if (quarter is null)
        {
            quarter = parsed;
            quarterRow = row;
        }
        else if (parsed != quarter)
        {
            issues.Error(ValidationCodes.MixedQuarters, row, ReturnColumns.Quarter, value, ValidationMessages.MixedQuarters, row, value, quarter.Value, quarterRow);
        }
    }

    private Area? CheckAreaCode(int row, string[] cells)
    {
        var value = Cell(cells, areaCodeAt);
        if (value is null || IsBlank(row, ReturnColumns.AreaCode, value, isCount: false))
        {
            return null;
        }

        if (!areasByCode.TryGetValue(value, out var area))
        {
            issues.Error(ValidationCodes.UnknownArea, row, ReturnColumns.AreaCode, value, ValidationMessages.UnknownArea, row, value, areas);
            return null;
        }

        if (!areaRows.TryAdd(area.Code, row))
        {
            issues.Error(ValidationCodes.DuplicateArea, row, ReturnColumns.AreaCode, value, ValidationMessages.DuplicateArea, row, area, areaRows[area.Code]);
        }

        return area;
    }

    private string? CheckAreaName(int row, string[] cells, Area? area)
    {
        var value = Cell(cells, areaNameAt);
        if (value is null || IsBlank(row, ReturnColumns.AreaName, value, isCount: false))
        {
            return null;
        }

        if (UnsafeLeadingCharacters.Contains(value[0], StringComparison.Ordinal))
        {
            issues.Error(ValidationCodes.UnsafeValue, row, ReturnColumns.AreaName, value, ValidationMessages.UnsafeValue, row, value);
            return null;
        }

        if (area is not null && string.Equals(value, area.Name, StringComparison.Ordinal))
        {
            return area.Name; // The same text; a kept row then holds no string of its own.
        }

        if (area is not null && !string.Equals(value, area.Name, StringComparison.OrdinalIgnoreCase))
        {
            issues.Warning(ValidationCodes.AreaNameMismatch, row, ReturnColumns.AreaName, value, ValidationMessages.AreaNameMismatch, row, value, area);
        }

        return value;
    }

    private long? CheckCount(int row, string[] cells, string column, int index)
    {
        var value = Cell(cells, index);
        if (value is null)
        {
            return null;
        }

        switch (WholeNumber.Parse(value, options.MaxValue, out var number))
        {
            case WholeNumberResult.Valid:
                return number;
            case WholeNumberResult.Blank:
                IsBlank(row, column, value, isCount: true);
                break;
            case WholeNumberResult.NotAWholeNumber:
                issues.Error(ValidationCodes.TypeError, row, column, value, ValidationMessages.NotAWholeNumber, row, column, value);
                break;
            case WholeNumberResult.BelowZero:
                issues.Error(ValidationCodes.ConstraintError, row, column, value, ValidationMessages.BelowZero, row, column, value);
                break;
            case WholeNumberResult.AboveMaximum:
                issues.Error(ValidationCodes.ConstraintError, row, column, value, ValidationMessages.AboveMaximum, row, column, value, options.MaxValue);
                break;
        }

        return null;
    }

    private bool IsBlank(int row, string column, string value, bool isCount)
    {
        if (value.Length > 0)
        {
            return false;
        }

        issues.Error(ValidationCodes.MissingCell, row, column, null, ValidationMessages.BlankValue, row, column, isCount);
        return true;
    }

    /// <summary>The trimmed cell at a required column's position, or null when the header lacks the column or names it twice.</summary>
    private static string? Cell(string[] cells, int index) => index >= 0 ? cells[index].Trim() : null;
}
