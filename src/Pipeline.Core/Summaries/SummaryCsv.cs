using System.Buffers;
using System.Globalization;
using System.Text;
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

    public static readonly IReadOnlyList<string> Columns =
    [
        "basis", "period", "previous_period", "status", "area_code", "area_name",
        "offences_current", "offences_previous", "offences_change", "offences_change_percent",
        "knife_offences_current", "knife_offences_previous", "knife_offences_change", "knife_offences_change_percent",
        "positive_outcomes_current", "positive_outcomes_previous", "positive_outcomes_change", "positive_outcomes_change_percent",
        "positive_outcome_rate_current", "positive_outcome_rate_previous", "positive_outcome_rate_change_points",
    ];

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    public static void Write(IBufferWriter<byte> output, SummaryDocument document)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);

        for (var i = 0; i < Columns.Count; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            WriteText(output, Columns[i]);
        }

        output.Write("\r\n"u8);

        var basis = document.Basis.ToWireName();
        var period = document.Period.ToString();
        var previousPeriod = document.PreviousPeriod.ToString();
        var status = document.Status.ToWireName();
        foreach (var area in document.Areas)
        {
            WriteRow(output, basis, period, previousPeriod, status, area.Code, area.Name,
                area.Offences, area.KnifeOffences, area.PositiveOutcomes, area.PositiveOutcomeRate);
        }

        var total = document.Total;
        WriteRow(output, basis, period, previousPeriod, status, string.Empty, TotalName,
            total.Offences, total.KnifeOffences, total.PositiveOutcomes, total.PositiveOutcomeRate);
    }

    public static byte[] ToUtf8Bytes(SummaryDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(buffer, document);
        return buffer.WrittenSpan.ToArray();
    }

    public static string Serialize(SummaryDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(buffer, document);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static async Task WriteAsync(Stream output, SummaryDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(buffer, document);
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    private static void WriteRow(
        IBufferWriter<byte> output,
        string basis,
        string period,
        string previousPeriod,
        string status,
        string code,
        string name,
        CountMetric offences,
        CountMetric knifeOffences,
        CountMetric positiveOutcomes,
        RateMetric rate)
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
        WriteCount(output, offences);
        WriteCount(output, knifeOffences);
        WriteCount(output, positiveOutcomes);
        output.Write(","u8);
        WriteNumber(output, rate.Current);
        output.Write(","u8);
        WriteNumber(output, rate.Previous);
        output.Write(","u8);
        WriteNumber(output, rate.ChangePoints);
        output.Write("\r\n"u8);
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
    private static void WriteNumber<T>(IBufferWriter<byte> output, T value)
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
    private static void WriteText(IBufferWriter<byte> output, string value)
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
