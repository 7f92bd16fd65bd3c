using static Pipeline.Core.Tests.Validation.Validate;

namespace Pipeline.Core.Tests.Validation;

public sealed class QuarterRuleTests
{
    private const string Dudley = "E08000027";

    [Theory]
    [InlineData("2024Q3")]
    [InlineData("2024-q3")]
    [InlineData("Q3 2024")]
    [InlineData("2024-Q5")]
    [InlineData("2024-Q0")]
    [InlineData("24-Q3")]
    [InlineData("0000-Q1")] // no year 0000 in the calendar
    public async Task Rejects_a_quarter_not_written_YYYY_Qn_as_a_type_error(string value)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithCell(Dudley, "quarter", value));

        Assert.Equal([("type-error", 4, "quarter", value)], Problems(result.Report.Errors));
        Assert.Contains("YYYY-Qn", result.Report.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_every_row_whose_quarter_differs_from_the_first()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithCell(Dudley, "quarter", "2024-Q2").WithCell("E08000031", "quarter", "2024-Q4"));

        Assert.Equal([("mixed-quarters", 4, "quarter", "2024-Q2"), ("mixed-quarters", 8, "quarter", "2024-Q4")], Problems(result.Report.Errors));
        Assert.Equal("2024-Q3", result.Report.Quarter);
    }

    [Theory]
    [InlineData("returns/2024-Q2.csv", "2024-Q2")]
    [InlineData("2024_q2.CSV", "2024_q2")]
    [InlineData("wm-return-2024Q2-final.csv", "2024Q2")]
    [InlineData(@"C:\returns\2023-Q3.csv", "2023-Q3")]
    public async Task Rejects_a_file_whose_name_names_another_quarter(string fileName, string token)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3"), fileName);

        Assert.Equal([("quarter-name-mismatch", null, null, token)], Problems(result.Report.Errors));
        Assert.Contains("2024-Q3", result.Report.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("returns/2024-Q3.csv")]
    [InlineData("returns/2024q3.csv")]
    [InlineData("returns/west-midlands.csv")]
    [InlineData("2024-Q2/return-2024-Q3.csv")] // folders are not read: they group files, they do not name them
    [InlineData("returns/12024-Q2.csv")] // not a token: five digits
    [InlineData("returns/2024-Q23.csv")] // not a token: two quarter digits
    public async Task Accepts_a_file_whose_name_names_its_quarter_or_no_quarter(string fileName)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3"), fileName);

        Assert.True(result.Report.Valid);
    }

    [Fact]
    public async Task Rejects_a_quarter_that_has_not_ended()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2026-Q4"));

        Assert.Equal([("future-quarter", null, "quarter", "2026-Q4")], Problems(result.Report.Errors));
        Assert.Contains("31 December 2026", result.Report.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_a_quarter_from_the_instant_it_ends()
    {
        var end = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

        var atEnd = await ReturnAsync(ReturnBuilder.ForQuarter("2026-Q3"), now: end);
        var justBefore = await ReturnAsync(ReturnBuilder.ForQuarter("2026-Q3"), now: end.AddTicks(-1));

        Assert.True(atEnd.Report.Valid);
        Assert.Equal([("future-quarter", null, "quarter", "2026-Q3")], Problems(justBefore.Report.Errors));
    }

    [Theory]
    [InlineData("9999-Q4", "31 December 9999")]
    [InlineData("9999-Q1", "31 March 9999")]
    [InlineData("2027-Q1", "31 March 2027")]
    public async Task Rejects_any_quarter_up_to_9999_Q4_that_has_not_ended_as_a_future_quarter(string quarter, string lastDay)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter(quarter), $"returns/{quarter}.csv");

        Assert.Equal([("future-quarter", null, "quarter", quarter)], Problems(result.Report.Errors));
        Assert.Contains(lastDay, result.Report.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-Q1")]
    [InlineData("1899-Q4")]
    public async Task Accepts_an_early_quarter_the_calendar_can_hold(string quarter)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter(quarter), $"{quarter}.csv");

        Assert.True(result.Report.Valid);
        Assert.Equal(quarter, result.Report.Quarter);
    }

    [Fact]
    public async Task Names_a_file_token_of_year_0000_as_a_mismatch_without_failing()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3"), "0000-Q1.csv");

        Assert.Equal([("quarter-name-mismatch", null, null, "0000-Q1")], Problems(result.Report.Errors));
    }
}
