using Pipeline.Core.Datasets;

namespace Pipeline.Core.Validation;

/// <summary>The rules for each cell: the quarter, the area code and name, and the counts.</summary>
internal sealed partial class ReturnCheck
{
    private void CheckQuarter(int row, string[] cells)
    {
        var value = Cell(cells, quarterAt);
        if (value is null || IsBlank(row, FrameColumns.Quarter, value, isCount: false))
        {
            return;
        }

        // Every row of a return names the same quarter: the text of the first one is compared, not parsed again.
        if (quarter is not null && string.Equals(value, quarterText, StringComparison.Ordinal))
        {
            return;
        }

        if (!Calendar.Quarter.TryParse(value, out var parsed))
        {
            issues.Error(ValidationCodes.TypeError, row, FrameColumns.Quarter, value, ValidationMessages.NotAQuarter, row, value);
        }
        else if (quarter is null)
        {
            quarter = parsed;
            quarterRow = row;
            quarterText = value;
        }
        else if (parsed != quarter)
        {
            issues.Error(ValidationCodes.MixedQuarters, row, FrameColumns.Quarter, value, ValidationMessages.MixedQuarters, row, value, quarter.Value, quarterRow);
        }
    }

    private Area? CheckAreaCode(int row, string[] cells)
    {
        var value = Cell(cells, areaCodeAt);
        if (value is null || IsBlank(row, FrameColumns.AreaCode, value, isCount: false))
        {
            return null;
        }

        if (!TryFindArea(value, out var index))
        {
            issues.Error(ValidationCodes.UnknownArea, row, FrameColumns.AreaCode, value, ValidationMessages.UnknownArea, row, value, areas);
            return null;
        }

        var area = areas[index];
        if (!NoteArea(index, row))
        {
            issues.Error(ValidationCodes.DuplicateArea, row, FrameColumns.AreaCode, value, ValidationMessages.DuplicateArea, row, area, areaRows[index]);
        }

        return area;
    }

    /// <summary>
    /// The position of the configured area with this code. Returns list their areas in the configured order, so the area
    /// after the last one found is tried first: one string comparison with the next entry of the list, instead of a
    /// lookup in a table that, for a national configuration, is too large to stay in the processor's cache.
    /// </summary>
    private bool TryFindArea(string code, out int index)
    {
        index = lastAreaIndex + 1;
        if (index < areas.Count && string.Equals(areas[index].Code, code, StringComparison.Ordinal))
        {
            lastAreaIndex = index;
            return true;
        }

        if (areasByCode.TryGetValue(code, out index))
        {
            lastAreaIndex = index;
            return true;
        }

        return false;
    }

    private string? CheckAreaName(int row, string[] cells, Area? area)
    {
        var value = Cell(cells, areaNameAt);
        if (value is null || IsBlank(row, FrameColumns.AreaName, value, isCount: false))
        {
            return null;
        }

        if (UnsafeLeadingCharacters.Contains(value[0], StringComparison.Ordinal))
        {
            issues.Error(ValidationCodes.UnsafeValue, row, FrameColumns.AreaName, value, ValidationMessages.UnsafeValue, row, value);
            return null;
        }

        if (area is not null && string.Equals(value, area.Name, StringComparison.Ordinal))
        {
            return area.Name; // The same text; a kept row then holds no string of its own.
        }

        if (area is not null && !string.Equals(value, area.Name, StringComparison.OrdinalIgnoreCase))
        {
            issues.Warning(ValidationCodes.AreaNameMismatch, row, FrameColumns.AreaName, value, ValidationMessages.AreaNameMismatch, row, value, area);
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
