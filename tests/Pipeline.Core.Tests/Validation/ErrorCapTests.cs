using Pipeline.Core.Validation;
using static Pipeline.Core.Tests.Validation.Validate;

namespace Pipeline.Core.Tests.Validation;

public sealed class ErrorCapTests
{
    [Fact]
    public async Task Stops_reporting_after_the_configured_number_of_errors_and_says_it_is_truncated()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3");
        foreach (var area in ValidationOptions.WestMidlands)
        {
            builder.WithCell(area.Code, "offences", "n/a");
        }

        var result = await ReturnAsync(builder, options: new ValidationOptions { MaxErrors = 3 });

        Assert.True(result.Report.Truncated);
        Assert.Equal([("type-error", 2, "offences", "n/a"), ("type-error", 3, "offences", "n/a"), ("type-error", 4, "offences", "n/a")], Problems(result.Report.Errors));
        Assert.Equal(7, result.Report.Rows); // the rows are still read and counted
    }

    [Fact]
    public async Task Is_not_truncated_when_the_errors_exactly_reach_the_cap()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithCell("E08000025", "offences", "x").WithCell("E08000026", "offences", "x");

        var result = await ReturnAsync(builder, options: new ValidationOptions { MaxErrors = 2 });

        Assert.Equal(2, result.Report.Errors.Count);
        Assert.False(result.Report.Truncated);
    }

    [Fact]
    public async Task Counts_file_level_errors_towards_the_cap()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithoutAreas(), options: new ValidationOptions { MaxErrors = 5 });

        Assert.Equal(5, result.Report.Errors.Count);
        Assert.True(result.Report.Truncated);
    }

    [Fact]
    public async Task Caps_warnings_at_the_same_number_so_a_million_blank_lines_cannot_flood_the_report()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3");
        for (var i = 0; i < 1000; i++)
        {
            builder.WithBlankLine();
        }

        var result = await ReturnAsync(builder);

        Assert.True(result.Report.Valid);
        Assert.Equal(100, result.Report.Warnings.Count);
        Assert.Equal(108, result.Report.Warnings[^1].Row);
        Assert.True(result.Report.Truncated);
    }

    [Fact]
    public async Task Counts_what_the_cap_left_out_of_the_report()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3");
        foreach (var area in ValidationOptions.WestMidlands)
        {
            builder.WithCell(area.Code, "offences", "n/a");
        }

        for (var i = 0; i < 5; i++)
        {
            builder.WithBlankLine();
        }

        var result = await ReturnAsync(builder, options: new ValidationOptions { MaxErrors = 3 });

        Assert.Equal((4, 2), (result.Report.ErrorsNotShown, result.Report.WarningsNotShown));
    }

    [Fact]
    public async Task Reports_a_file_of_100000_blank_lines_as_empty_and_complete()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("\n", 100_000)));

        var result = await BytesAsync(bytes, "2024-Q3.csv");

        Assert.Equal([("empty-file", null, null, null)], Problems(result.Report.Errors));
        Assert.Empty(result.Report.Warnings);
        Assert.False(result.Report.Truncated);
        Assert.Equal((0, 0), (result.Report.ErrorsNotShown, result.Report.WarningsNotShown));
    }

    [Fact]
    public void Defaults_to_10_MiB_files_100_errors_and_counts_up_to_a_million()
    {
        var options = new ValidationOptions();

        Assert.Equal((10_485_760L, 100, 1_000_000L), (options.MaxFileBytes, options.MaxErrors, options.MaxValue));
    }

    [Fact]
    public async Task Never_splits_a_character_when_shortening_an_echoed_value()
    {
        var name = "=" + new string('x', 98) + "📊 and more";

        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithCell("E08000027", "area_name", name));

        var value = Assert.Single(result.Report.Errors).Value!;
        Assert.Equal("=" + new string('x', 98) + "…", value);
        Assert.True(value.EnumerateRunes().All(r => r != System.Text.Rune.ReplacementChar));
    }
}
