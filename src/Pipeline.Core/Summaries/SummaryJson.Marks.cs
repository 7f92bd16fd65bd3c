using System.Text.Json;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Summaries;

/// <summary>A metric object's <c>marks</c> (docs/contract.md section 11).</summary>
public static partial class SummaryJson
{
    /// <summary>
    /// <c>"marks": ["p", "r"]</c> as the metric object's last member, written only when there are marks, so a document
    /// without them (every continuous dataset's) keeps its bytes.
    /// </summary>
    private static void WriteMarks(Utf8JsonWriter writer, MetricMarks marks)
    {
        if (marks == MetricMarks.None)
        {
            return;
        }

        writer.WriteStartArray("marks");
        foreach (var name in marks.Names())
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }
}
