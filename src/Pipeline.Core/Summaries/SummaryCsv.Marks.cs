using System.Buffers;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Summaries;

/// <summary>The summary CSV's marks columns (docs/contract.md section 11).</summary>
public static partial class SummaryCsv
{
    /// <summary>The last part of a metric's marks column: <c>referrals_marks</c>.</summary>
    public const string MarksColumn = "marks";

    /// <summary>
    /// With <paramref name="marks"/>, a metric's marks cell: its GSS shorthand (<c>[p]</c>, <c>[r]</c>, <c>[p] [r]</c>,
    /// separated by spaces), empty when it has none. Without, nothing: a continuous dataset's CSV has no such column.
    /// </summary>
    private static void WriteMarks(IBufferWriter<byte> output, MetricResult metric, bool marks)
    {
        if (marks)
        {
            output.Write(","u8);
            WriteText(output, metric.Marks.Shorthand());
        }
    }
}
