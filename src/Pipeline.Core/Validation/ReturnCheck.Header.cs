using Pipeline.Core.Datasets;

namespace Pipeline.Core.Validation;

/// <summary>The header: which column is where, named once each, none missing.</summary>
internal sealed partial class ReturnCheck
{
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
        var nearMisses = NearMisses(cells);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < cells.Length; i++)
        {
            var name = cells[i].Trim();
            var required = dataset.Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
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
                issues.Warning(ValidationCodes.UnknownColumn, row, name, null, ValidationMessages.UnknownColumn(name, nearMisses.GetValueOrDefault(name)));
            }
        }

        foreach (var column in dataset.Columns.Where(c => !columns.ContainsKey(c)))
        {
            columns[column] = Absent;
            var seenAs = nearMisses.FirstOrDefault(m => m.Value == column).Key;
            issues.Error(ValidationCodes.MissingColumn, row, column, null, ValidationMessages.MissingColumn(column, requiredHeader, seenAs));
        }

        quarterAt = columns[FrameColumns.Quarter];
        areaCodeAt = columns[FrameColumns.AreaCode];
        areaNameAt = columns[FrameColumns.AreaName];
        for (var i = 0; i < fieldAt.Length; i++)
        {
            fieldAt[i] = columns[dataset.Fields[i].Name];
        }
    }

    /// <summary>
    /// Header names that nearly name a required column the header lacks (<c>Area Code</c> for <c>area_code</c>), each to
    /// that column; a required column gets at most one, the first in the header.
    /// </summary>
    private Dictionary<string, string> NearMisses(string[] cells)
    {
        var names = cells.Select(c => c.Trim()).Where(n => n.Length > 0).ToList();
        var absent = dataset.Columns.Where(c => !names.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var nearMisses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (NearMiss.Closest(name, absent) is { } column && !nearMisses.ContainsKey(name) && !nearMisses.ContainsValue(column))
            {
                nearMisses[name] = column;
            }
        }

        return nearMisses;
    }
}
