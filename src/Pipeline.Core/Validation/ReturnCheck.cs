using System.Buffers;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Validation;

/// <summary>
/// The rules of a dataset's return, applied record by record as the parser yields them, so that a file is never held in
/// memory: only the configured areas seen, the file's quarter and, while the file is still clean, its rows. Split by
/// concern: this file holds the state and the entry points; the header, the row's shape, the cells' rules and the
/// whole-file checks each have their own.
/// </summary>
internal sealed partial class ReturnCheck : IDisposable
{
    // Column positions: a required column the header lacks, or names twice, is not checked on the rows.
    private const int Absent = -1;
    private const int Ambiguous = -2;
    private const string UnsafeLeadingCharacters = "=+-@";

    private readonly ValidationOptions options;
    private readonly DatasetDefinition dataset;
    private readonly string requiredHeader;
    private readonly IssueCollector issues;
    private readonly IReadOnlyList<Area> areas;
    private readonly Dictionary<string, int> areasByCode;

    // The row each configured area was first seen on (0: not yet), by its position in the configuration: one lookup
    // a row (code to position) instead of two dictionary operations, and no per-file dictionary of a national list.
    private int[] areaRows;
    private int areasSeen;
    private int lastAreaIndex = -1;
    private string? quarterText;
    private readonly Dictionary<string, int> columns = new(StringComparer.Ordinal);
    private string[] headerNames = [];
    private int quarterAt = Absent;
    private int areaCodeAt = Absent;
    private int areaNameAt = Absent;
    private readonly int[] fieldAt;
    private readonly long?[] rowCounts;
    private readonly (int Field, int Limit)[] limits;
    private Quarter? quarter;
    private int quarterRow;
    private KeptRows? kept;
    private bool rowsUnreadable;
    private bool encodingFailed;

    /// <param name="options">The limits: the error cap, the largest count.</param>
    /// <param name="dataset">The return's dataset: its columns, fields and rules.</param>
    /// <param name="areas">The dataset's areas (its own list, else the configured ones).</param>
    /// <param name="areasByCode">The positions of the same areas by code, built once by the validator rather than once per file.</param>
    /// <param name="issues">Where the errors and warnings go.</param>
    public ReturnCheck(
        ValidationOptions options, DatasetDefinition dataset, IReadOnlyList<Area> areas, Dictionary<string, int> areasByCode, IssueCollector issues)
    {
        this.options = options;
        this.dataset = dataset;
        this.issues = issues;
        this.areasByCode = areasByCode;
        this.areas = areas;
        requiredHeader = string.Join(',', dataset.Columns);
        fieldAt = new int[dataset.Fields.Count];
        Array.Fill(fieldAt, Absent);
        rowCounts = new long?[dataset.Fields.Count];
        limits = [.. dataset.Fields.Select((f, i) => (i, f.NotGreaterThan is { } other ? dataset.IndexOf(other) : -1)).Where(r => r.Item2 >= 0)];

        // A valid return has one row per configured area: sized once, these never grow by copying.
        areaRows = ArrayPool<int>.Shared.Rent(areas.Count);
        Array.Clear(areaRows, 0, areas.Count);
        kept = new KeptRows(areas, dataset.Fields.Count);
    }

    /// <summary>The spreadsheet row of the header, once a non-blank record has been read.</summary>
    public int? HeaderRow { get; private set; }

    /// <summary>The data records read (blank rows excluded, rows with errors included).</summary>
    public int Rows { get; private set; }

    /// <summary>The quarter of the first row that gives a valid one.</summary>
    public Quarter? Quarter => quarter;

    /// <summary>Set when nothing more can be learned from the rest of the file (it is still read, for the hash).</summary>
    public bool StopReading { get; private set; }

    /// <summary>The rows as figures, in the configured order of their areas, if the file has no errors; null once it has one.</summary>
    public AreaFigures[]? TakeFigures() => kept?.ToFigures();

    /// <summary>Gives the pooled arrays back; a national configuration's are large, and one per file would soon cost a full collection.</summary>
    public void Dispose()
    {
        DropKept();
        ArrayPool<int>.Shared.Return(areaRows);
        areaRows = [];
    }

    private void DropKept()
    {
        kept?.Dispose();
        kept = null;
    }

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
}
