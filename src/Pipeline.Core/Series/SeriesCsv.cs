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

    public static byte[] ToUtf8Bytes(SeriesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var output = new ArrayBufferWriter<byte>(4096);
        Row(output, FrameColumns.Quarter, FrameColumns.AreaCode, FrameColumns.AreaName);
        foreach (var field in document.Fields)
        {
            output.Write(","u8);
            SummaryCsv.WriteText(output, field);
        }

        output.Write("\r\n"u8);
        foreach (var quarter in document.Quarters)
        {
            var name = quarter.Quarter.ToString();
            foreach (var area in quarter.Areas)
            {
                Row(output, name, area.AreaCode, area.AreaName);
                Counts(output, area.Counts);
            }

            Row(output, name, string.Empty, SummaryCsv.TotalName);
            Counts(output, quarter.Total);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void Row(ArrayBufferWriter<byte> output, string quarter, string code, string name)
    {
        SummaryCsv.WriteText(output, quarter);
        output.Write(","u8);
        SummaryCsv.WriteText(output, code);
        output.Write(","u8);
        SummaryCsv.WriteText(output, name);
    }

    private static void Counts(ArrayBufferWriter<byte> output, IReadOnlyList<long> counts)
    {
        foreach (var count in counts)
        {
            output.Write(","u8);
            SummaryCsv.WriteNumber(output, count);
        }

        output.Write("\r\n"u8);
    }
}
