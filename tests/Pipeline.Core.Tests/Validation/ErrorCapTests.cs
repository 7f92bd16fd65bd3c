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
}
