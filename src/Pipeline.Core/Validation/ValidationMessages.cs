using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Validation;

/// <summary>The plain-English messages of the report: each says what is wrong and how to fix it.</summary>
public static class ValidationMessages
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string UnsupportedFile(string fileName) => string.Create(Invariant,
        $"'{FileNameQuarter.BaseName(fileName)}' is not a CSV file. Open it in your spreadsheet program, choose Save As, pick the \"CSV UTF-8\" format and upload the .csv file it saves.");

    public static string FileTooLarge(long? length, long maximum) => length is { } known
        ? string.Create(Invariant, $"The file is {known:N0} bytes, over the limit of {maximum:N0} bytes. A quarterly return has one row per area and is far smaller: check that this is the right file.")
        : string.Create(Invariant, $"The file is over the limit of {maximum:N0} bytes. A quarterly return has one row per area and is far smaller: check that this is the right file.");

    public static string EmptyFile(string requiredHeader) =>
        $"The file has no header row (it is empty or blank). Upload the return with the header {requiredHeader} and one row per area.";

    public static string EncodingError() =>
        "The file is not valid UTF-8 text. In your spreadsheet program choose Save As, pick the \"CSV UTF-8\" format and upload the file it saves.";

    public static string MalformedCsv(int row) => string.Create(Invariant,
        $"Row {row}: the CSV quoting is broken (a quote inside an unquoted cell, text after a closing quote, or a quote that is never closed). Put quotes only around a whole cell, and write a quote inside a quoted cell as two quotes (\"\").");

    public static string CellTooLong(int row, int maximum) => string.Create(Invariant,
        $"Row {row}: a cell is longer than {maximum:N0} characters, which usually means a quote that is never closed. Check that every opening quote has a closing quote.");

    public static string MissingColumn(string column, string requiredHeader, string? nearMiss = null) => nearMiss is null
        ? $"The header has no {column} column. Add it: the header needs the columns {requiredHeader} (in any order)."
        : $"The header has no {column} column, but it has {nearMiss}: did you mean {column}? Rename that column {column}. The header needs the columns {requiredHeader} (in any order).";

    public static string DuplicateColumn(string column) =>
        $"The header has the column {column} more than once. Keep one {column} column and delete or rename the other.";

    public static string UnknownColumn(string column, string? nearMiss = null) => nearMiss is null
        ? $"The column {column} is not part of the return and is ignored. Delete it if it is not needed."
        : $"The column {column} is not part of the return and is ignored. Did you mean {nearMiss}? If so, rename it {nearMiss}.";

    public static string UnnamedColumn(int position) => string.Create(Invariant,
        $"Column {position} of the header has no name, so its cells are ignored. Delete the column, or name it.");

    public static string ExtraCell(int row, int cells, int headerCells) => string.Create(Invariant,
        $"Row {row} has {cells} cells but the header has {headerCells}. Delete the extra cells, or put quotes around a value that contains a comma (\"Birmingham, City of\").");

    public static string MissingCells(int row, int cells, int headerCells, string column) => string.Create(Invariant,
        $"Row {row} has {cells} cells but the header has {headerCells}, so column {column} has no cell. Give every row a cell for every column.");

    public static string BlankValue(int row, string column, bool isCount) => string.Create(Invariant,
        $"Row {row}, column {column}: the value is blank. Fill it in{(isCount ? " (write 0 for none)" : string.Empty)}.");

    public static string NotAQuarter(int row, string value) => string.Create(Invariant,
        $"Row {row}, column {FrameColumns.Quarter}: '{value}' is not a quarter. Write it as YYYY-Qn, e.g. 2024-Q3.");

    public static string NotAWholeNumber(int row, string column, string value) => string.Create(Invariant,
        $"Row {row}, column {column}: '{value}' is not a whole number. Use digits only, e.g. 12.");

    public static string BelowZero(int row, string column, string value) => string.Create(Invariant,
        $"Row {row}, column {column}: '{value}' is below 0. A count cannot be negative: correct the figure.");

    public static string AboveMaximum(int row, string column, string value, long maximum) => string.Create(Invariant,
        $"Row {row}, column {column}: '{value}' is above the maximum of {maximum:N0}. Check the figure.");

    /// <summary>For knife offences within offences: "12 knife offences is more than the 10 offences of the row".</summary>
    public static string ExceedsField(int row, DatasetField field, long value, (DatasetField Field, long Value) limit) => string.Create(Invariant,
        $"Row {row}, column {field.Name}: {value} {Lower(field.Title)} is more than the {limit.Value} {Lower(limit.Field.Title)} of the row. {field.Title} are counted within {Lower(limit.Field.Title)}: correct one of the two figures.");

    private static string Lower(string title) => title.ToLowerInvariant();

    public static string MixedQuarters(int row, string value, Quarter first, int firstRow) => string.Create(Invariant,
        $"Row {row}, column {FrameColumns.Quarter}: '{value}' differs from {first} on row {firstRow}. A return covers one quarter: put each quarter in its own file.");

    public static string QuarterNameMismatch(string fileName, Quarter named, Quarter quarter) => string.Create(Invariant,
        $"The file name '{FileNameQuarter.BaseName(fileName)}' says {named} but the rows are for {quarter}. Rename the file or correct the {FrameColumns.Quarter} column.");

    public static string FutureQuarter(Quarter quarter) => string.Create(Invariant,
        $"The rows are for {quarter}, which has not ended yet (it runs until {quarter.LastDay:d MMMM yyyy}). Upload the return once the quarter is over.");

    /// <summary>Past this many configured areas (a national configuration), a message stops listing them all.</summary>
    private const int MaxAreasListed = 20;

    public static string UnknownArea(int row, string value, IReadOnlyList<Area> areas)
    {
        var caseMatch = areas.FirstOrDefault(a => string.Equals(a.Code, value, StringComparison.OrdinalIgnoreCase));
        return caseMatch is not null
            ? string.Create(Invariant, $"Row {row}, column {FrameColumns.AreaCode}: '{value}' is not a configured area code. Area codes are upper case: write {caseMatch.Code}.")
            : areas.Count <= MaxAreasListed
                ? string.Create(Invariant, $"Row {row}, column {FrameColumns.AreaCode}: '{value}' is not a configured area code. Use one of {string.Join(", ", areas.Select(a => $"{a.Code} ({a.Name})"))}.")
                : string.Create(Invariant, $"Row {row}, column {FrameColumns.AreaCode}: '{value}' is not a configured area code. Use the GSS code of one of the {areas.Count} configured areas, as published with the return's template.");
    }

    public static string DuplicateArea(int row, Area area, int firstRow) => string.Create(Invariant,
        $"Row {row}, column {FrameColumns.AreaCode}: {area.Code} ({area.Name}) already has a row, row {firstRow}. Give each area exactly one row.");

    public static string MissingArea(Area area) =>
        $"There is no row for {area.Code} ({area.Name}). Add one, with 0 in the counts that had none.";

    public static string AreaNameMismatch(int row, string value, Area area) => string.Create(Invariant,
        $"Row {row}, column {FrameColumns.AreaName}: '{value}' is not the configured name of {area.Code}, which is {area.Name}. The row counts for {area.Code}: check that the code is right.");

    public static string UnsafeValue(int row, string value) => string.Create(Invariant,
        $"Row {row}, column {FrameColumns.AreaName}: '{value}' starts with '{value[0]}', which a spreadsheet would run as a formula. Remove the leading character.");

    public static string BlankRow(int row) => string.Create(Invariant,
        $"Row {row} is blank and was skipped. You can delete it.");
}
