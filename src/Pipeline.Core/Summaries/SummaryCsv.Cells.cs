using System.Buffers;
using System.Globalization;
using System.Text;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Summaries;

/// <summary>The summary CSV's cells: numbers, withheld values (the dataset's symbol) and text made safe for a spreadsheet.</summary>
public static partial class SummaryCsv
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>A count, or <paramref name="symbol"/> for a withheld one (<see cref="Withheld"/>).</summary>
    internal static void WriteCount(IBufferWriter<byte> output, long value, string symbol)
    {
        if (Withheld.Is(value))
        {
            WriteText(output, symbol);
        }
        else
        {
            WriteNumber(output, value);
        }
    }

    private static void WriteNumber(IBufferWriter<byte> output, decimal? value, string symbol)
    {
        if (Withheld.Is(value))
        {
            WriteText(output, symbol);
        }
        else
        {
            WriteNumber(output, value);
        }
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
