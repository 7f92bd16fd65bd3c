using System.Text;
using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Releases;
using Pipeline.Core.Summaries;
using Pipeline.Core.Tests.Summaries;

namespace Pipeline.Core.Tests.Releases;

/// <summary>The marks' parts that need no storage: which quarters a release calls provisional, and how marks are written and read.</summary>
public class ReleaseMarksTests
{
    [Theory]
    [InlineData("2026-Q4", 1, "2026-Q4")]
    [InlineData("2027-Q1", 2, "2026-Q4,2027-Q1")] // Across the turn of the year.
    [InlineData("2027-Q2", 4, "2026-Q3,2026-Q4,2027-Q1,2027-Q2")]
    [InlineData("2026-Q4", 0, "")]
    public void A_release_calls_its_through_quarter_and_the_ones_before_it_provisional(string through, int count, string expected) =>
        Assert.Equal(expected, string.Join(',', ReleaseMarks.ProvisionalQuarters(Quarter.Parse(through), count)));

    [Fact]
    public void Marks_are_written_after_the_values_and_read_back_and_a_document_without_them_keeps_its_bytes()
    {
        var plain = SummaryDocuments.Small();
        var marked = plain with
        {
            Total = new TotalComparison([plain.Total.Metrics[0] with { Marks = MetricMarks.Provisional | MetricMarks.Revised }, .. plain.Total.Metrics.Skip(1)]),
        };
        var json = Encoding.UTF8.GetString(SummaryJson.ToUtf8Bytes(marked));
        Assert.Contains("\"changePercent\": 14.10,\n      \"marks\": [\n        \"p\",\n        \"r\"\n      ]\n    },", json, StringComparison.Ordinal);
        Assert.Equal(1, json.Split("\"marks\"").Length - 1);
        Assert.Equal(MetricMarks.Provisional | MetricMarks.Revised, SummaryJson.Deserialize(Encoding.UTF8.GetBytes(json)).Total.Metrics[0].Marks);
        Assert.DoesNotContain("marks", Encoding.UTF8.GetString(SummaryJson.ToUtf8Bytes(plain)), StringComparison.Ordinal);
        Assert.Equal("[p] [r]", (MetricMarks.Provisional | MetricMarks.Revised).Shorthand());
        Assert.Equal(string.Empty, MetricMarks.None.Shorthand());
    }

    [Fact]
    public void A_document_with_an_unknown_mark_is_refused() =>
        Assert.Throws<JsonException>(() => SummaryJson.Deserialize(Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(SummaryJson.ToUtf8Bytes(SummaryDocuments.Small())).Replace("\"changePercent\": 14.10", "\"changePercent\": 14.10, \"marks\": [\"x\"]", StringComparison.Ordinal))));
}
