using Pipeline.Core.Calendar;
using Pipeline.Core.Validation;
using static Pipeline.Core.Tests.Validation.Validate;

namespace Pipeline.Core.Tests.Validation;

public sealed class RowRuleTests
{
    private const string Coventry = "E08000026";
    private const string Dudley = "E08000027"; // row 4 of a return built by ReturnBuilder.ForQuarter

    [Fact]
    public async Task Accepts_a_complete_return_and_hands_back_its_figures()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3"));

        Assert.True(result.Report.Valid);
        Assert.Empty(result.Report.Errors);
        Assert.Empty(result.Report.Warnings);
        Assert.Equal("2024-Q3", result.Report.Quarter);
        Assert.Equal(7, result.Report.Rows);
        Assert.NotNull(result.Return);
        Assert.Equal(new Quarter(2024, 3), result.Return.Quarter);
        Assert.Equal(new Returns.AreaFigures("E08000027", "Dudley", 120, 7, 14), result.Return.Areas[2]);
    }

    [Theory]
    [InlineData("12a")]
    [InlineData("+5")]
    [InlineData("1.0")]
    [InlineData("1,000")]
    [InlineData("1 000")]
    [InlineData("٣")]
    [InlineData("１２")]
    [InlineData("5e3")]
    [InlineData("-")]
    [InlineData("--5")]
    public async Task Rejects_a_count_that_is_not_plain_digits_as_a_type_error(string value)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithCell(Dudley, "offences", value));

        Assert.Equal([("type-error", 4, "offences", value)], Problems(result.Report.Errors));
        Assert.Equal($"Row 4, column offences: '{value}' is not a whole number. Use digits only, e.g. 12.", result.Report.Errors[0].Message);
        Assert.Null(result.Return);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("-0")]
    [InlineData("1000001")]
    [InlineData("99999999999999999999999999999999")]
    public async Task Rejects_a_count_below_zero_or_above_the_maximum_as_a_constraint_error(string value)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithCell(Dudley, "positive_outcomes", value));

        Assert.Equal([("constraint-error", 4, "positive_outcomes", value)], Problems(result.Report.Errors));
    }

    [Fact]
    public async Task Accepts_counts_of_zero_and_of_exactly_the_maximum()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithArea(Dudley, offences: 1_000_000, knifeOffences: 0, positiveOutcomes: 0));

        Assert.True(result.Report.Valid);
        Assert.Equal(1_000_000, result.Return!.Areas.Single(a => a.AreaCode == Dudley).Offences);
    }

    [Fact]
    public async Task Applies_the_configured_maximum()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithArea(Dudley, offences: 51), options: new ValidationOptions { MaxValue = 50 });

        Assert.Equal(
            [("constraint-error", 2, "offences", "100"), ("constraint-error", 3, "offences", "110"), ("constraint-error", 4, "offences", "51"),
             ("constraint-error", 5, "offences", "130"), ("constraint-error", 6, "offences", "140"), ("constraint-error", 7, "offences", "150"),
             ("constraint-error", 8, "offences", "160")],
            Problems(result.Report.Errors));
    }

    [Fact]
    public async Task Trims_the_spaces_around_every_cell()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3")
            .WithCell(Dudley, "quarter", " 2024-Q3 ").WithCell(Dudley, "area_code", "  E08000027")
            .WithCell(Dudley, "area_name", " Dudley  ").WithCell(Dudley, "offences", "\t12 "));

        Assert.True(result.Report.Valid);
        Assert.Equal(new Returns.AreaFigures(Dudley, "Dudley", 12, 7, 14), result.Return!.Areas.Single(a => a.AreaCode == Dudley));
    }

    [Theory]
    [InlineData("quarter", false)]
    [InlineData("area_code", false)]
    [InlineData("area_name", false)]
    [InlineData("offences", true)]
    [InlineData("knife_offences", true)]
    [InlineData("positive_outcomes", true)]
    public async Task Rejects_a_blank_required_value_as_a_missing_cell(string column, bool isCount)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithCell(Dudley, column, "   "));

        // A blank area_code leaves Dudley without a row, which is reported too.
        var expected = column == "area_code"
            ? new[] { ("missing-cell", (int?)4, (string?)column, (string?)null), ("missing-area", null, "area_code", Dudley) }
            : [("missing-cell", 4, column, null)];
        Assert.Equal(expected, Problems(result.Report.Errors));
        Assert.Equal(isCount, result.Report.Errors[0].Message.Contains("write 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rejects_a_row_with_fewer_cells_than_the_header_naming_the_first_column_without_one()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithRawRow(Dudley, "2024-Q3,E08000027,Dudley,120,7"));

        // Dudley's row is there, if short: it is not also reported missing.
        Assert.Equal([("missing-cell", 4, "positive_outcomes", null)], Problems(result.Report.Errors));
    }

    [Fact]
    public async Task Rejects_a_row_with_more_cells_than_the_header()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithRawRow(Dudley, "2024-Q3,E08000027,Dudley,120,7,14,oops"));

        Assert.Equal([("extra-cell", 4, null, "oops")], Problems(result.Report.Errors));
    }

    [Fact]
    public async Task Does_not_check_the_values_of_a_row_of_the_wrong_width_whose_cells_are_shifted()
    {
        // An unquoted comma in the name shifts every later cell one to the right.
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithRawRow(Dudley, "2024-Q3,E08000027,Dudley, Metropolitan Borough,120,7,14"));

        Assert.Equal([("extra-cell", 4, null, "14")], Problems(result.Report.Errors));
    }

    [Fact]
    public async Task Rejects_a_row_whose_knife_offences_exceed_offences()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithArea(Dudley, offences: 10, knifeOffences: 11));

        Assert.Equal([("knife-exceeds-offences", 4, "knife_offences", "11")], Problems(result.Report.Errors));
    }

    [Fact]
    public async Task Accepts_knife_offences_equal_to_offences()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithArea(Dudley, offences: 11, knifeOffences: 11));

        Assert.True(result.Report.Valid);
    }

    [Fact]
    public async Task Compares_knife_offences_with_offences_only_when_both_are_numbers()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithArea(Dudley, knifeOffences: 11).WithCell(Dudley, "offences", "ten"));

        Assert.Equal([("type-error", 4, "offences", "ten")], Problems(result.Report.Errors));
    }

    [Fact]
    public async Task Reports_every_problem_of_a_row()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3")
            .WithCell(Dudley, "quarter", "Q3").WithCell(Dudley, "area_name", "=1+1").WithCell(Dudley, "offences", "x")
            .WithCell(Dudley, "knife_offences", "-1").WithCell(Dudley, "positive_outcomes", ""));

        Assert.Equal(
            [("type-error", 4, "quarter", "Q3"), ("unsafe-value", 4, "area_name", "=1+1"), ("type-error", 4, "offences", "x"),
             ("constraint-error", 4, "knife_offences", "-1"), ("missing-cell", 4, "positive_outcomes", null)],
            Problems(result.Report.Errors));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+Dudley")]
    [InlineData("-Dudley")]
    [InlineData("@SUM(A1)")]
    [InlineData("  =1+1")]
    public async Task Rejects_an_area_name_a_spreadsheet_would_run_as_a_formula(string name)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithArea(Dudley, name: name));

        Assert.Equal([("unsafe-value", 4, "area_name", name.Trim())], Problems(result.Report.Errors));
        Assert.Empty(result.Report.Warnings);
    }

    [Fact]
    public async Task Rejects_an_area_that_is_not_configured()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithArea("E08000099", "Elsewhere"));

        Assert.Equal([("unknown-area", 9, "area_code", "E08000099")], Problems(result.Report.Errors));
        Assert.Contains("E08000025 (Birmingham)", result.Report.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_lower_case_area_code_and_says_to_write_it_in_upper_case()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithCell(Dudley, "area_code", "e08000027"));

        Assert.Equal([("unknown-area", 4, "area_code", "e08000027"), ("missing-area", null, "area_code", Dudley)], Problems(result.Report.Errors));
        Assert.Contains("write E08000027", result.Report.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_an_area_given_twice_at_its_second_row()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithRow("2024-Q3", Coventry, "Coventry", "1", "0", "0"));

        Assert.Equal([("duplicate-area", 9, "area_code", Coventry)], Problems(result.Report.Errors));
        Assert.Contains("row 3", result.Report.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_return_missing_an_area_naming_its_code_and_name()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithoutArea("E08000029"));

        Assert.Equal([("missing-area", null, "area_code", "E08000029")], Problems(result.Report.Errors));
        Assert.Contains("E08000029 (Solihull)", result.Report.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checks_areas_against_the_configured_list()
    {
        var options = new ValidationOptions { Areas = [new("E06000001", "Hartlepool")] };
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithoutAreas().WithArea("E06000001", "Hartlepool");

        var result = await ReturnAsync(builder, options: options);

        Assert.True(result.Report.Valid);
        Assert.Equal("E06000001", Assert.Single(result.Return!.Areas).AreaCode);
    }

    [Fact]
    public async Task Warns_when_an_area_name_differs_from_the_configured_name_and_keeps_the_file_name()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithArea(Dudley, name: "Dudly"));

        Assert.True(result.Report.Valid);
        Assert.Equal([("area-name-mismatch", 4, "area_name", "Dudly")], Problems(result.Report.Warnings));
        Assert.Equal("Dudly", result.Return!.Areas.Single(a => a.AreaCode == Dudley).AreaName);
    }

    [Fact]
    public async Task Compares_area_names_without_regard_to_case()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithArea(Dudley, name: "DUDLEY"));

        Assert.Empty(result.Report.Warnings);
        Assert.Equal("DUDLEY", result.Return!.Areas.Single(a => a.AreaCode == Dudley).AreaName);
    }

    [Fact]
    public async Task Skips_blank_rows_with_a_warning_and_keeps_counting_them_as_rows()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithArea(Dudley, name: "Dudly")
            .WithRow(",,,,,".Split(',')).WithBlankLine().WithLine("   ").WithLine("\"\",\"\""));

        Assert.True(result.Report.Valid);
        Assert.Equal(7, result.Report.Rows);
        Assert.Equal(
            [("area-name-mismatch", 4, "area_name", "Dudly"), ("blank-row", 9, null, null), ("blank-row", 10, null, null), ("blank-row", 11, null, null), ("blank-row", 12, null, null)],
            Problems(result.Report.Warnings));
    }

    [Fact]
    public async Task Numbers_the_rows_after_a_blank_line_as_a_spreadsheet_does()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithoutArea(Dudley).WithBlankLine().WithArea(Dudley, offences: 1, knifeOffences: 2);

        var result = await ReturnAsync(builder);

        Assert.Equal([("knife-exceeds-offences", 9, "knife_offences", "2")], Problems(result.Report.Errors));
        Assert.Equal([("blank-row", 8, null, null)], Problems(result.Report.Warnings));
    }

    [Fact]
    public async Task Keeps_no_figures_for_an_invalid_return()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithArea("E08000031", offences: 1, knifeOffences: 2));

        Assert.False(result.Report.Valid);
        Assert.Null(result.Return);
    }
}
