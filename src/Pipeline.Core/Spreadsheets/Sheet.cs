namespace Pipeline.Core.Spreadsheets;

/// <summary>
/// A column of a sheet: its header (null on a sheet without a header row, the cover), its width, and whether its text
/// wraps within that width (long text, such as a note's) rather than running on into the next cells.
/// </summary>
public sealed record Column(string? Header, double WidthCm, bool Wrap = false);

/// <summary>
/// One sheet: its name (the tab), the title in A1, the columns (with one header row when they have headers) and the
/// rows, produced as the package is written, so that a sheet of 10,000 areas is never held whole. Every row has one
/// cell per column.
/// </summary>
public sealed record Sheet(string Name, string Title, IReadOnlyList<Column> Columns, Func<CancellationToken, IAsyncEnumerable<IReadOnlyList<Cell>>> Rows)
{
    /// <summary>Whether the sheet has a header row: a table does, the cover does not.</summary>
    public bool HasHeader => Columns.All(c => c.Header is not null);

    /// <summary>A sheet whose rows are already at hand.</summary>
    public static Sheet Of(string name, string title, IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new(name, title, columns, _ => rows.ToAsyncEnumerable());
    }
}

/// <summary>
/// What the package says of itself in meta.xml: the title, a description, and when its figures were computed (the
/// date its parts carry too); null when unknown, and the parts then carry 2 January 1980, near the first day a zip can date.
/// </summary>
public sealed record WorkbookProperties(string Title, string Description, DateTimeOffset? Created);
