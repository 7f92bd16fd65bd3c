using System.Buffers;
using System.Text;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Summaries;

/// <summary>
/// The summary document as CSV (RFC 4180, CRLF after every record, UTF-8 without a BOM): a header, one row per area in
/// the document's order, then a total row with an empty <c>area_code</c> and <c>area_name</c> "Total". Numbers are the
/// same text the JSON body has; a null is an empty cell. Text cells are made safe to open in a spreadsheet.
/// </summary>
public static partial class SummaryCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string TotalName = "Total";

    private static readonly string[] FrameColumns = ["basis", "period", "previous_period", "status", "area_code", "area_name"];

    /// <summary>
    /// The header for a document's metrics: the frame, then per count metric <c>&lt;id&gt;_current</c>, <c>_previous</c>,
    /// <c>_change</c>, <c>_change_percent</c>; per rate metric <c>_current</c>, <c>_previous</c>, <c>_change_points</c> and
    /// the bounds of their intervals; per rate per population its rates, change, bounds, population years and note; each
    /// id written in snake case (<c>knifeOffences</c> becomes <c>knife_offences</c>).
    /// </summary>
    public static IReadOnlyList<string> ColumnsFor(IReadOnlyList<MetricResult> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var columns = new List<string>(FrameColumns);
        foreach (var metric in metrics)
        {
            var stem = SnakeCase(metric.Id);
            string[] parts = metric.Rate is not null ? RateParts : metric.PerPopulation is not null ? PerPopulationParts : ["current", "previous", "change", "change_percent"];
            columns.AddRange(parts.Select(p => $"{stem}_{p}"));
        }

        return columns;
    }

    /// <summary>A rate's columns: its figures, then its intervals (section 13), beside them so the older columns keep their places.</summary>
    private static readonly string[] RateParts =
        ["current", "previous", "change_points", "current_lower", "current_upper", "previous_lower", "previous_upper", "change_lower", "change_upper"];

    private static readonly string[] PerPopulationParts =
        ["current", "previous", "change", "current_lower", "current_upper", "previous_lower", "previous_upper", "current_population_year", "previous_population_year", "note"];

    /// <param name="output">Where the CSV goes.</param>
    /// <param name="document">The summary.</param>
    /// <param name="symbol">What a withheld value's cell shows (the dataset's <c>disclosure.symbol</c>); <c>[c]</c> when null.</param>
    public static void Write(IBufferWriter<byte> output, SummaryDocument document, string? symbol = null)
    {
        symbol ??= DatasetDisclosure.DefaultSymbol;
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);

        var columns = ColumnsFor(document.Total.Metrics);
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            WriteText(output, columns[i]);
        }

        output.Write("\r\n"u8);

        var basis = document.Basis.ToWireName();
        var period = document.Period.ToString();
        var previousPeriod = document.PreviousPeriod.ToString();
        var status = document.Status.ToWireName();
        foreach (var area in document.Areas)
        {
            WriteRow(output, basis, period, previousPeriod, status, area.Code, area.Name, area.Metrics, symbol);
        }

        var total = document.Total;
        WriteRow(output, basis, period, previousPeriod, status, string.Empty, TotalName, total.Metrics, symbol);
    }

    /// <inheritdoc cref="Write"/>
    public static byte[] ToUtf8Bytes(SummaryDocument document, string? symbol = null)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(buffer, document, symbol);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRow(
        IBufferWriter<byte> output,
        string basis,
        string period,
        string previousPeriod,
        string status,
        string code,
        string name,
        IReadOnlyList<MetricResult> metrics,
        string symbol)
    {
        WriteText(output, basis);
        output.Write(","u8);
        WriteText(output, period);
        output.Write(","u8);
        WriteText(output, previousPeriod);
        output.Write(","u8);
        WriteText(output, status);
        output.Write(","u8);
        WriteText(output, code);
        output.Write(","u8);
        WriteText(output, name);
        foreach (var metric in metrics)
        {
            if (metric.Count is { } count)
            {
                WriteCount(output, count, symbol);
            }
            else if (metric.Rate is { } rate)
            {
                WriteNumbers(output, symbol, rate.Current, rate.Previous, rate.ChangePoints, rate.CurrentLower, rate.CurrentUpper, rate.PreviousLower, rate.PreviousUpper, rate.ChangeLower, rate.ChangeUpper);
            }
            else if (metric.PerPopulation is { } perPopulation)
            {
                WriteNumbers(output, symbol, perPopulation.Current, perPopulation.Previous, perPopulation.Change, perPopulation.CurrentLower, perPopulation.CurrentUpper, perPopulation.PreviousLower, perPopulation.PreviousUpper);
                output.Write(","u8);
                WriteNumber(output, perPopulation.CurrentPopulationYear);
                output.Write(","u8);
                WriteNumber(output, perPopulation.PreviousPopulationYear);
                output.Write(","u8);
                WriteText(output, perPopulation.Note ?? string.Empty);
            }
        }

        output.Write("\r\n"u8);
    }

    /// <summary><c>positiveOutcomeRate</c> becomes <c>positive_outcome_rate</c>.</summary>
    internal static string SnakeCase(string id)
    {
        var builder = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                builder.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static void WriteNumbers(IBufferWriter<byte> output, string symbol, params ReadOnlySpan<decimal?> values)
    {
        foreach (var value in values)
        {
            output.Write(","u8);
            WriteNumber(output, value, symbol);
        }
    }

    private static void WriteCount(IBufferWriter<byte> output, CountMetric metric, string symbol)
    {
        output.Write(","u8);
        WriteCount(output, metric.Current, symbol);
        output.Write(","u8);
        WriteCount(output, metric.Previous, symbol);
        output.Write(","u8);
        WriteCount(output, metric.Change, symbol);
        output.Write(","u8);
        WriteNumber(output, metric.ChangePercent, symbol);
    }
}
