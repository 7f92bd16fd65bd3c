using Pipeline.Core.Returns;
using static Pipeline.Core.Tests.Validation.Validate;

namespace Pipeline.Core.Tests.Validation;

/// <summary>What spreadsheets and hand edits produce, and the contract allows.</summary>
public sealed class AwkwardButValidTests
{
    private const string Coventry = "E08000026";
    private const string Dudley = "E08000027";

    [Fact]
    public async Task Accepts_a_byte_order_mark_and_CRLF_line_ends()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithByteOrderMark().WithCrLf());

        Assert.True(result.Report.Valid);
        Assert.Empty(result.Report.Warnings);
        Assert.Equal(7, result.Report.Rows);
    }

    [Fact]
    public async Task Accepts_reordered_upper_case_headers_with_spaces()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3")
            .WithHeader(" POSITIVE_OUTCOMES", "Area_Name ", "area_code", " Knife_Offences ", "QUARTER", "Offences");

        var result = await ReturnAsync(builder);

        Assert.True(result.Report.Valid);
        Assert.Empty(result.Report.Warnings);
        Assert.Equal(new AreaFigures(Dudley, "Dudley", 120, 7, 14), result.Return!.Areas.Single(a => a.AreaCode == Dudley));
    }

    [Fact]
    public async Task Accepts_every_cell_quoted()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithEveryCellQuoted());

        Assert.True(result.Report.Valid);
        Assert.Equal(7, result.Return!.Areas.Count);
    }

    [Fact]
    public async Task Reads_a_quoted_cell_holding_a_comma_a_quote_and_a_line_break_as_one_cell_of_one_row()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3")
            .WithHeader([.. DefaultDataset.Columns, "notes"])
            .WithCell(Coventry, "notes", "Revised figures,\r\nsee \"note 3\"\nand annex")
            .WithArea(Dudley, name: "Dudley, MBC");

        var result = await ReturnAsync(builder.WithCrLf());

        // The cell spans three lines but is one row: Dudley is still row 4.
        Assert.True(result.Report.Valid);
        Assert.Equal([("unknown-column", 1, "notes", null)], Problems(result.Report.Warnings.Take(1)));
        Assert.Equal([("area-name-mismatch", 4, "area_name", "Dudley, MBC")], Problems(result.Report.Warnings.Skip(1)));
        Assert.Equal("Dudley, MBC", result.Return!.Areas.Single(a => a.AreaCode == Dudley).AreaName);
    }

    [Fact]
    public async Task Accepts_trailing_blank_lines_with_a_warning_for_each()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithCrLf().WithBlankLine().WithBlankLine());

        Assert.True(result.Report.Valid);
        Assert.Equal([("blank-row", 9, null, null), ("blank-row", 10, null, null)], Problems(result.Report.Warnings));
    }

    [Fact]
    public async Task Accepts_a_last_row_without_a_line_end()
    {
        var text = ReturnBuilder.ForQuarter("2024-Q3").Build().TrimEnd('\n');

        var result = await TextAsync(text);

        Assert.True(result.Report.Valid);
        Assert.Equal(7, result.Report.Rows);
    }

    [Fact]
    public async Task Hands_back_the_areas_in_code_order_whatever_the_file_order()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithoutArea("E08000025").WithArea("E08000025", "Birmingham", 400, 20, 40);

        var result = await ReturnAsync(builder);

        Assert.Equal(
            ["E08000025", "E08000026", "E08000027", "E08000028", "E08000029", "E08000030", "E08000031"],
            result.Return!.Areas.Select(a => a.AreaCode));
        Assert.Equal(new AreaFigures("E08000025", "Birmingham", 400, 20, 40), result.Return.Areas[0]);
    }

    [Fact]
    public async Task Accepts_leading_zeros_in_a_count()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithCell(Dudley, "offences", "0000000000000000000000120"));

        Assert.True(result.Report.Valid);
        Assert.Equal(120, result.Return!.Areas.Single(a => a.AreaCode == Dudley).Offences);
    }
}
