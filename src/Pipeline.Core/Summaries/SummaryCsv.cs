using System.Buffers;
using System.Globalization;
using System.Text;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Summaries;

/// <summary>
/// The summary document as CSV (RFC 4180, CRLF after every record, UTF-8 without a BOM): a header, one row per area in
/// the document's order, then a total row with an empty <c>area_code</c> and <c>area_name</c> "Total". Numbers are the
/// same text the JSON body has; a null is an empty cell. Text cells are made safe to open in a spreadsheet.
/// </summary>
public static class SummaryCsv
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

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    public static void Write(IBufferWriter<byte> output, SummaryDocument document)
    {
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
            WriteRow(output, basis, period, previousPeriod, status, area.Code, area.Name, area.Metrics);
        }

        var total = document.Total;
        WriteRow(output, basis, period, previousPeriod, status, string.Empty, TotalName, total.Metrics);
    }

    public static byte[] ToUtf8Bytes(SummaryDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(buffer, document);
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
        IReadOnlyList<MetricResult> metrics)
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
                WriteCount(output, count);
            }
            else if (metric.Rate is { } rate)
            {
                WriteNumbers(output, rate.Current, rate.Previous, rate.ChangePoints, rate.CurrentLower, rate.CurrentUpper, rate.PreviousLower, rate.PreviousUpper, rate.ChangeLower, rate.ChangeUpper);
            }
            else if (metric.PerPopulation is { } perPopulation)
            {
                WriteNumbers(output, perPopulation.Current, perPopulation.Previous, perPopulation.Change, perPopulation.CurrentLower, perPopulation.CurrentUpper, perPopulation.PreviousLower, perPopulation.PreviousUpper);
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

    private static void WriteNumbers(IBufferWriter<byte> output, params ReadOnlySpan<decimal?> values)
    {
        foreach (var value in values)
        {
            output.Write(","u8);
            WriteNumber(output, value);
        }
    }

    private static void WriteCount(IBufferWriter<byte> output, CountMetric metric)
    {
        output.Write(","u8);
        WriteNumber(output, metric.Current);
        output.Write(","u8);
        WriteNumber(output, metric.Previous);
        output.Write(","u8);
        WriteNumber(output, metric.Change);
        output.Write(","u8);
        WriteNumber(output, metric.ChangePercent);
    }

    // Invariant "G" formatting keeps a decimal's scale (7.10 stays 7.10), which is what the JSON writer prints too.
    internal static void WriteNumber<T>(IBufferWriter<byte> output, T value)
        where T : IUtf8SpanFormattable
    {
        var span = output.GetSpan(64);
        if (!value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A number did not fit in 64 bytes.");
        }

        output.Advance(written);
    }

    private static void WriteNumber<T>(IBufferWriter<byte> output, T? value)
        where T : struct, IUtf8SpanFormattable
    {
        if (value is { } present)
        {
            WriteNumber(output, present);
        }
    }

    /// <summary>
    /// One text cell. A cell a spreadsheet would read as a formula (starting with = + - @, tab or CR) gets a leading
    /// apostrophe; a cell with a comma, quote or line break is quoted with its quotes doubled.
    /// </summary>
    internal static void WriteText(IBufferWriter<byte> output, string value)
    {
        var text = value.AsSpan();
        var neutralise = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        var quote = text.ContainsAny(NeedsQuotes);
        if (quote)
        {
            output.Write("\""u8);
        }

        if (neutralise)
        {
            output.Write("'"u8);
        }

        while (!text.IsEmpty)
        {
            var end = quote ? text.IndexOf('"') : -1;
            var segment = end < 0 ? text : text[..(end + 1)];
            WriteUtf8(output, segment);
            if (end >= 0)
            {
                output.Write("\""u8);
            }

            text = text[segment.Length..];
        }

        if (quote)
        {
            output.Write("\""u8);
        }
    }

    private static void WriteUtf8(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
