namespace Pipeline.Core.Validation;

/// <summary>One data row: its shape, then its cells, then the rules between its counts.</summary>
internal sealed partial class ReturnCheck
{
    private void CheckRow(int row, string[] cells, string? badField)
    {
        Rows++;
        if (badField is not null)
        {
            issues.Error(ValidationCodes.MalformedCsv, row, null, badField, ValidationMessages.MalformedCsv, row);
            rowsUnreadable = true;
            DropKept();
            return;
        }

        // A row of the wrong width has its cells in doubt (typically an unquoted comma shifted them), so its values
        // are not checked; its area still counts as present, so that the area is not also reported missing.
        if (cells.Length != headerNames.Length)
        {
            ReportWidth(row, cells);
            NoteAreaOfUncheckedRow(row, cells);
            DropKept();
            return;
        }

        CheckQuarter(row, cells);
        var area = CheckAreaCode(row, cells);
        var name = CheckAreaName(row, cells, area);
        var complete = true;
        for (var i = 0; i < rowCounts.Length; i++)
        {
            rowCounts[i] = CheckCount(row, cells, dataset.Fields[i].Name, fieldAt[i]);
            complete &= rowCounts[i] is not null;
        }

        foreach (var (field, limit) in limits)
        {
            if (rowCounts[field] is { } value && rowCounts[limit] is { } bound && value > bound)
            {
                var definition = dataset.Fields[field];
                issues.Error(
                    definition.ExceedsCode,
                    row,
                    definition.Name,
                    Cell(cells, fieldAt[field]),
                    ValidationMessages.ExceedsField, row, definition, value, (dataset.Fields[limit], bound));
            }
        }

        // A file with an error is rejected whole, so its rows are not kept: a huge bad file costs no memory.
        if (!issues.HasErrors && area is not null && name is not null && complete && kept is not null)
        {
            kept.Add(lastAreaIndex, name, rowCounts);
        }
        else
        {
            DropKept();
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
        if (index >= 0 && index < cells.Length && areasByCode.TryGetValue(cells[index].Trim(), out var area))
        {
            NoteArea(area, row);
        }
    }

    /// <summary>Records that the area at <paramref name="index"/> is on <paramref name="row"/>; false when an earlier row has it.</summary>
    private bool NoteArea(int index, int row)
    {
        if (areaRows[index] != 0)
        {
            return false;
        }

        areaRows[index] = row;
        areasSeen++;
        return true;
    }
}
