using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Validation;

/// <summary>
/// Validates one quarterly return of a dataset (its frame columns and count fields, every rule of docs/contract.md) in a single streaming pass: the bytes go
/// through a SHA-256 hash and a byte count, a strict UTF-8 decoder and CsvHelper's RFC 4180 parser, and the rules see
/// one record at a time. Memory does not grow with the file.
/// </summary>
public sealed class ReturnValidator
{
    /// <summary>No cell of a return comes near this; a longer one is an unclosed quote swallowing the file.</summary>
    internal const int MaxCellLength = 64 * 1024;

    // The preamble (BOM) is skipped when present; invalid bytes throw instead of becoming U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    private readonly ValidationOptions options;
    private readonly TimeProvider timeProvider;
    private readonly DatasetDefinition dataset;
    private readonly IReadOnlyList<Area> areas;
    private readonly Dictionary<string, int> areasByCode;

    /// <param name="options">The limits, and the configured areas (used unless the dataset lists its own).</param>
    /// <param name="timeProvider">The clock the future-quarter rule reads.</param>
    /// <param name="dataset">The return's dataset; the default (serious youth violence) when not given.</param>
    public ReturnValidator(ValidationOptions options, TimeProvider timeProvider, DatasetDefinition? dataset = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxErrors, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFileBytes, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxValue, nameof(options));
        this.dataset = dataset ?? DatasetRegistry.BuiltIn.Default;
        areas = this.dataset.Areas ?? options.EffectiveAreas;
        areasByCode = new Dictionary<string, int>(areas.Count, StringComparer.Ordinal);
        for (var i = 0; i < areas.Count; i++)
        {
            var area = areas[i];
            if (!areasByCode.TryAdd(area.Code, i))
            {
                throw new ArgumentException($"The configured areas list {area.Code} more than once.", nameof(options));
            }
        }

        this.options = options;
        this.timeProvider = timeProvider;
    }

    /// <summary>The dataset whose returns this validator checks.</summary>
    public DatasetDefinition Dataset => dataset;

    /// <param name="content">The file's bytes. Read to the end (for the hash) unless the file is over the size limit; not disposed.</param>
    /// <param name="fileName">The blob name or path as given: it goes into the report, and the .csv and quarter-token checks read it.</param>
    /// <param name="length">The byte length when known; a file over the limit is then refused without reading it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<ValidationResult> ValidateAsync(Stream content, string fileName, long? length = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        if (length is { } known)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(known, nameof(length));
        }

        var issues = new IssueCollector(options.MaxErrors);
        var isCsv = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        if (!isCsv)
        {
            issues.Error(ValidationCodes.UnsupportedFile, null, null, null, ValidationMessages.UnsupportedFile(fileName));
        }

        if (length > options.MaxFileBytes)
        {
            return TooLarge(fileName, issues, length);
        }

        using var metered = new MeteredStream(content, options.MaxFileBytes, cancellationToken);
        using var check = new ReturnCheck(options, dataset, areas, areasByCode, issues);
        if (isCsv)
        {
            await ParseAsync(metered, check);
        }

        // Whatever stopped the parsing, the hash covers every byte of the file.
        await metered.DrainAsync();
        if (metered.LimitExceeded)
        {
            // The file was not read to its end, so what the rows said is not the whole story: the report is the one
            // a known length would have given, whatever the parse found in the first MaxFileBytes.
            return TooLarge(fileName, isCsv ? new IssueCollector(options.MaxErrors) : issues, length: null);
        }

        if (isCsv)
        {
            check.Finish(fileName, timeProvider.GetUtcNow());
        }

        return Result(fileName, issues, check, metered.GetHashHex());
    }

    private static async Task ParseAsync(MeteredStream metered, ReturnCheck check)
    {
        string? badField = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            Delimiter = ",",
            DetectDelimiter = false,
            IgnoreBlankLines = false,   // blank lines are reported, and keep their row numbers
            DetectColumnCountChanges = false,
            MaxFieldSize = MaxCellLength,
            BadDataFound = args => badField ??= args.Field,
        };

        using var reader = new StreamReader(metered, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
        using var parser = new CsvParser(reader, configuration, leaveOpen: true);
        // The cells are read into one array reused while the width stays the same (the check keeps none of them), not
        // into the new array per record that the parser's Record property makes.
        string[] cells = [];
        try
        {
            while (!check.StopReading && await parser.ReadAsync())
            {
                var count = parser.Count;
                if (cells.Length != count)
                {
                    cells = new string[count];
                }

                for (var i = 0; i < count; i++)
                {
                    cells[i] = parser[i];
                }

                check.Record(parser.Row, cells, badField);
                badField = null;
            }
        }
        catch (DecoderFallbackException)
        {
            check.EncodingError();
        }
        catch (MaxFieldSizeException)
        {
            check.CellTooLong(parser.Row, MaxCellLength);
        }
    }

    private ValidationResult TooLarge(string fileName, IssueCollector issues, long? length)
    {
        issues.Error(ValidationCodes.FileTooLarge, null, null, null, ValidationMessages.FileTooLarge(length, options.MaxFileBytes));
        return Result(fileName, issues, check: null, sha256: null);
    }

    private static ValidationResult Result(string fileName, IssueCollector issues, ReturnCheck? check, string? sha256)
    {
        var valid = !issues.HasErrors;
        var report = new ValidationReport(
            fileName,
            valid,
            check?.Quarter?.ToString(),
            check?.Rows ?? 0,
            sha256,
            issues.Truncated,
            issues.Errors,
            issues.Warnings)
        {
            ErrorsNotShown = issues.ErrorsNotKept,
            WarningsNotShown = issues.WarningsNotKept,
        };
        if (!valid)
        {
            return new ValidationResult(report, null);
        }

        if (check is not { Quarter: { } quarter } || check.TakeFigures() is not { } figures)
        {
            throw new UnreachableException("A valid return has a quarter and its rows.");
        }

        return new ValidationResult(report, new ValidatedReturn(quarter, InCodeOrder(figures)));
    }

    /// <summary>The rows by area code; the configured areas are usually in code order already, which costs one pass.</summary>
    private static AreaFigures[] InCodeOrder(AreaFigures[] ordered)
    {
        for (var i = 1; i < ordered.Length; i++)
        {
            if (string.CompareOrdinal(ordered[i - 1].AreaCode, ordered[i].AreaCode) > 0)
            {
                Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.AreaCode, b.AreaCode));
                break;
            }
        }

        return ordered;
    }
}
