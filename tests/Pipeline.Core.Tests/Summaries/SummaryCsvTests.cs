using System.Text;
using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Summaries;
using Pipeline.Core.Tests.Comparisons;

namespace Pipeline.Core.Tests.Summaries;

public class SummaryCsvTests
{
    private const string Header =
        "basis,period,previous_period,status,area_code,area_name," +
        "offences_current,offences_previous,offences_change,offences_change_percent," +
        "knife_offences_current,knife_offences_previous,knife_offences_change,knife_offences_change_percent," +
        "positive_outcomes_current,positive_outcomes_previous,positive_outcomes_change,positive_outcomes_change_percent," +
        "positive_outcome_rate_current,positive_outcome_rate_previous,positive_outcome_rate_change_points," +
        "positive_outcome_rate_current_lower,positive_outcome_rate_current_upper,positive_outcome_rate_previous_lower," +
        "positive_outcome_rate_previous_upper,positive_outcome_rate_change_lower,positive_outcome_rate_change_upper\r\n";

    [Fact]
    public void Writes_a_header_a_row_per_area_and_a_total_row()
    {
        var csv = Encoding.UTF8.GetString(SummaryCsv.ToUtf8Bytes(SummaryDocuments.Small()));

        Assert.Equal(
            Header +
            "financial,2024/25,2023/24,year-to-date,E08000025,Birmingham,1071,1000,71,7.10,3,2,1,50.00,20,25,-5,-20.00,1.87,2.50,-0.63,1.21,2.87,1.70,3.66,-1.97,0.65\r\n" +
            "financial,2024/25,2023/24,year-to-date,E08000026,Coventry,70,0,70,,0,0,0,,0,0,0,,0.00,,,0.00,5.20,,,,\r\n" +
            "financial,2024/25,2023/24,year-to-date,,Total,1141,1000,141,14.10,3,2,1,50.00,20,25,-5,-20.00,1.75,2.50,-0.75,1.14,2.69,1.70,3.66,-2.06,0.49\r\n",
            csv);
    }

    [Fact]
    public void Writes_utf8_without_a_byte_order_mark()
    {
        var bytes = SummaryCsv.ToUtf8Bytes(SummaryDocuments.WithAreaName("Ynys Môn"));

        Assert.Equal((byte)'b', bytes[0]);
        Assert.Contains(",Ynys Môn,", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_every_number_as_the_json_body_has_it()
    {
        var document = SummaryDocuments.Small();
        using var json = JsonDocument.Parse(SummaryJson.ToUtf8Bytes(document));
        var row = Encoding.UTF8.GetString(SummaryCsv.ToUtf8Bytes(document)).Split("\r\n")[1].Split(',');
        var area = json.RootElement.GetProperty("areas")[0];

        var fromJson = new[] { "offences", "knifeOffences", "positiveOutcomes" }
            .SelectMany(m => new[] { "current", "previous", "change", "changePercent" }.Select(f => area.GetProperty(m).GetProperty(f)))
            .Concat(new[] { "current", "previous", "changePoints", "currentLower", "currentUpper", "previousLower", "previousUpper", "changeLower", "changeUpper" }
                .Select(f => area.GetProperty("positiveOutcomeRate").GetProperty(f)))
            .Select(e => e.GetRawText());

        Assert.Equal(fromJson, row[6..]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"")]
    [InlineData("-Foo", "'-Foo")]
    [InlineData("+44", "'+44")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("Foo-Bar", "Foo-Bar")]
    [InlineData("Stoke-on-Trent", "Stoke-on-Trent")]
    public void Neutralises_a_text_cell_a_spreadsheet_would_run_as_a_formula(string name, string cell)
    {
        var rows = Encoding.UTF8.GetString(SummaryCsv.ToUtf8Bytes(SummaryDocuments.WithAreaName(name))).Split("\r\n");

        Assert.StartsWith("financial,2024/25,2023/24,year-to-date,E08000025," + cell + ",1071,", rows[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Brighton, Hove", "\"Brighton, Hove\"")]
    [InlineData("The \"Black\" Country", "\"The \"\"Black\"\" Country\"")]
    [InlineData("Two\nLines", "\"Two\nLines\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("", "")]
    public void Quotes_a_cell_holding_a_comma_quote_or_line_break(string name, string cell)
    {
        var csv = Encoding.UTF8.GetString(SummaryCsv.ToUtf8Bytes(SummaryDocuments.WithAreaName(name)));

        Assert.Contains(",E08000025," + cell + ",1071,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_a_negative_number_as_a_number()
    {
        var row = Encoding.UTF8.GetString(SummaryCsv.ToUtf8Bytes(SummaryDocuments.Small())).Split("\r\n")[1];

        Assert.Contains(",-5,-20.00,", row, StringComparison.Ordinal);
        Assert.DoesNotContain("'", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_the_contract_seed_total_row()
    {
        var document = ComparisonCalculator.ComputeAll(Pipeline.Core.Datasets.DatasetRegistry.BuiltIn.Default, SeedData.Quarters, SeedData.Areas, DateTimeOffset.UnixEpoch)
            .Single(d => d.Basis == YearBasis.Calendar);

        var lines = Encoding.UTF8.GetString(SummaryCsv.ToUtf8Bytes(document)).Split("\r\n");

        Assert.Equal(10, lines.Length); // header, 7 areas, total, and the empty string after the last CRLF
        // The intervals and the rate per 1,000 people aged 10 to 24 (603,480 in 2024, 597,410 in 2023) worked independently:
        // docs/method.md has the working.
        Assert.Equal(
            "calendar,2024,2023,complete,,Total,6621,7675,-1054,-13.73,328,370,-42,-11.35,858,801,57,7.12,12.96,10.44,2.52," +
            "12.17,13.79,9.77,11.14,1.47,3.59,10.97,12.85,-1.88,10.71,11.24,12.56,13.14,2024,2023,",
            lines[8]);
        Assert.Equal(string.Empty, lines[9]);
    }
}
