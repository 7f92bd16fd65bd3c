using System.Buffers;
using Pipeline.Core.Datasets;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Series;

/// <summary>
/// The series as CSV, as the summary's CSV is written (RFC 4180, CRLF, UTF-8 without a BOM, text cells made safe for a
/// spreadsheet): the header <c>quarter, area_code, area_name</c> and the dataset's fields (the columns the CSVW metadata in
/// docs/csvw describes), then per quarter, oldest first, one row per area and a <c>Total</c> row with an empty
/// <c>area_code</c>.
/// </summary>
public static class SeriesCsv
{
    public const string ContentType = SummaryCsv.ContentType;

    /// <param name="document">The series.</param>
    /// <param name="symbol">What a withheld value's cell shows (the dataset's <c>disclosure.symbol</c>); <c>[c]</c> when null.</param>
    public static byte[] ToUtf8Bytes(SeriesDocument document, string? symbol = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var output = new ArrayBufferWriter<byte>(4096);
        WriteHeader(output, document.Fields);
        foreach (var quarter in document.Quarters)
        {
            WriteQuarter(output, quarter, symbol);
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>The header row: the first part of the CSV, which a quarter's rows (<see cref="WriteQuarter"/>) follow.</summary>
    public static void WriteHeader(IBufferWriter<byte> output, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Row(output, FrameColumns.Quarter, FrameColumns.AreaCode, FrameColumns.AreaName);
        foreach (var field in fields)
        {
            output.Write(","u8);
            SummaryCsv.WriteText(output, field);
        }

        output.Write("\r\n"u8);
    }

    /// <summary>One quarter's rows: each area's, then the total's.</summary>
    public static void WriteQuarter(IBufferWriter<byte> output, SeriesQuarter quarter, string? symbol = null)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        symbol ??= DatasetDisclosure.DefaultSymbol;
        var name = quarter.Quarter.ToString();
        foreach (var area in quarter.Areas)
        {
            Row(output, name, area.AreaCode, area.AreaName);
            Counts(output, area.Counts, symbol);
        }

        Row(output, name, string.Empty, SummaryCsv.TotalName);
        Counts(output, quarter.Total, symbol);
    }

    private static void Row(IBufferWriter<byte> output, string quarter, string code, string name)
    {
        SummaryCsv.WriteText(output, quarter);
        output.Write(","u8);
        SummaryCsv.WriteText(output, code);
        output.Write(","u8);
        SummaryCsv.WriteText(output, name);
    }

    private static void Counts(IBufferWriter<byte> output, IReadOnlyList<long> counts, string symbol)
    {
        foreach (var count in counts)
        {
            output.Write(","u8);
            SummaryCsv.WriteCount(output, count, symbol);
        }

        output.Write("\r\n"u8);
    }
}
