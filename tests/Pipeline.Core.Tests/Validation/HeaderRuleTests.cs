using static Pipeline.Core.Tests.Validation.Validate;

namespace Pipeline.Core.Tests.Validation;

public sealed class HeaderRuleTests
{
    private const string Dudley = "E08000027";

    [Fact]
    public async Task Rejects_a_header_without_a_required_column_and_skips_that_columns_checks()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3")
            .WithHeader("quarter", "area_code", "area_name", "offences", "positive_outcomes")
            .WithArea(Dudley, offences: 1, knifeOffences: 5); // knife above offences, but there is no knife column to read

        var result = await ReturnAsync(builder);

        Assert.Equal([("missing-column", 1, "knife_offences", null)], Problems(result.Report.Errors));
        Assert.Equal(7, result.Report.Rows);
    }

    [Fact]
    public async Task Reports_every_missing_column_of_a_file_that_is_not_a_return()
    {
        var result = await TextAsync("name,age\nAda,36\n");

        Assert.Equal(
            [("missing-column", 1, "quarter", null), ("missing-column", 1, "area_code", null), ("missing-column", 1, "area_name", null),
             ("missing-column", 1, "offences", null), ("missing-column", 1, "knife_offences", null), ("missing-column", 1, "positive_outcomes", null)],
            Problems(result.Report.Errors));
        Assert.Equal([("unknown-column", 1, "name", null), ("unknown-column", 1, "age", null)], Problems(result.Report.Warnings));
    }

    [Fact]
    public async Task Rejects_a_header_naming_a_column_twice_and_skips_that_columns_checks()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3")
            .WithHeader("quarter", "area_code", "area_name", "offences", "knife_offences", "positive_outcomes", " Offences")
            .WithCell(Dudley, "offences", "12a");

        var result = await ReturnAsync(builder);

        Assert.Equal([("duplicate-column", 1, "offences", "Offences")], Problems(result.Report.Errors));
    }

    [Fact]
    public async Task Rejects_an_unknown_column_named_twice()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithHeader([.. DefaultDataset.Columns, "notes", "NOTES"]);

        var result = await ReturnAsync(builder);

        Assert.Equal([("duplicate-column", 1, "NOTES", "NOTES")], Problems(result.Report.Errors));
        Assert.Equal([("unknown-column", 1, "notes", null)], Problems(result.Report.Warnings));
    }

    [Fact]
    public async Task Ignores_an_extra_column_with_a_warning_naming_it()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithHeader([.. DefaultDataset.Columns, "Notes"]).WithCell(Dudley, "Notes", "=cmd|' /C calc'!A0");

        var result = await ReturnAsync(builder);

        Assert.True(result.Report.Valid);
        Assert.Equal([("unknown-column", 1, "Notes", null)], Problems(result.Report.Warnings));
    }

    [Fact]
    public async Task Ignores_an_unnamed_column_with_a_warning_giving_its_position()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithHeader([.. DefaultDataset.Columns, ""]);

        var result = await ReturnAsync(builder);

        Assert.True(result.Report.Valid);
        Assert.Equal([("unknown-column", 1, null, null)], Problems(result.Report.Warnings));
        Assert.Contains("Column 7", result.Report.Warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_the_first_non_blank_row_as_the_header()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithLineBeforeHeader(string.Empty).WithLineBeforeHeader(",,").WithArea(Dudley, offences: 1, knifeOffences: 2);

        var result = await ReturnAsync(builder);

        Assert.Equal(6, builder.RowOf(Dudley));
        Assert.Equal([("knife-exceeds-offences", 6, "knife_offences", "2")], Problems(result.Report.Errors));
        Assert.Equal([("blank-row", 1, null, null), ("blank-row", 2, null, null)], Problems(result.Report.Warnings));
    }

    [Fact]
    public async Task Rejects_a_header_only_file_for_lacking_every_area()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithoutAreas());

        Assert.False(result.Report.Valid);
        Assert.Null(result.Report.Quarter);
        Assert.Equal(0, result.Report.Rows);
        Assert.Equal(
            Pipeline.Core.Validation.ValidationOptions.WestMidlands.Select(a => ("missing-area", (int?)null, (string?)"area_code", (string?)a.Code)),
            Problems(result.Report.Errors));
    }

    [Theory]
    [InlineData("Area Code")]
    [InlineData("areacode")]
    [InlineData("area-code")]
    [InlineData("AREA_CDOE")]
    [InlineData("are_code")]
    public async Task A_near_miss_of_a_missing_column_is_named_in_both_messages(string nearMiss)
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithHeader("quarter", nearMiss, "area_name", "offences", "knife_offences", "positive_outcomes");

        var result = await ReturnAsync(builder);

        Assert.Equal([("missing-column", 1, "area_code", null)], Problems(result.Report.Errors));
        Assert.Equal([("unknown-column", 1, nearMiss, null)], Problems(result.Report.Warnings));
        Assert.Equal(
            $"The header has no area_code column, but it has {nearMiss}: did you mean area_code? Rename that column area_code. " +
            "The header needs the columns quarter,area_code,area_name,offences,knife_offences,positive_outcomes (in any order).",
            result.Report.Errors[0].Message);
        Assert.Equal(
            $"The column {nearMiss} is not part of the return and is ignored. Did you mean area_code? If so, rename it area_code.",
            result.Report.Warnings[0].Message);
    }

    [Fact]
    public async Task Messages_without_a_near_miss_stay_as_they_were()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithHeader("quarter", "area_name", "offences", "knife_offences", "positive_outcomes", "notes");

        var result = await ReturnAsync(builder);

        Assert.Equal(
            "The header has no area_code column. Add it: the header needs the columns quarter,area_code,area_name,offences,knife_offences,positive_outcomes (in any order).",
            result.Report.Errors[0].Message);
        Assert.Equal("The column notes is not part of the return and is ignored. Delete it if it is not needed.", result.Report.Warnings[0].Message);
    }

    [Fact]
    public async Task A_column_that_is_present_is_not_suggested_for_a_similar_extra_one()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithHeader([.. DefaultDataset.Columns, "Area Code"]);

        var result = await ReturnAsync(builder);

        Assert.True(result.Report.Valid);
        Assert.Equal("The column Area Code is not part of the return and is ignored. Delete it if it is not needed.", result.Report.Warnings[0].Message);
    }
}
