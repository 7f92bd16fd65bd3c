using System.Security.Cryptography;
using System.Text;
using Pipeline.Core.Validation;
using static Pipeline.Core.Tests.Validation.Validate;

namespace Pipeline.Core.Tests.Validation;

public sealed class FileRuleTests
{
    private const string Dudley = "E08000027";

    [Fact]
    public async Task Rejects_a_spreadsheet_saved_as_xlsx_and_says_to_save_it_as_CSV_UTF_8()
    {
        var bytes = ReturnBuilder.ForQuarter("2024-Q3").BuildBytes();

        var result = await BytesAsync(bytes, "returns/2024-Q3.xlsx");

        Assert.Equal([("unsupported-file", null, null, null)], Problems(result.Report.Errors));
        Assert.Contains("\"CSV UTF-8\"", result.Report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Report.Rows);
        Assert.Null(result.Report.Quarter);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Report.Sha256);
        Assert.Null(result.Return);
    }

    [Theory]
    [InlineData("returns/2024-Q3.CSV")]
    [InlineData("a/b/c/d/2024-Q3.Csv")]
    public async Task Accepts_the_csv_extension_in_any_case_at_any_folder_depth(string fileName)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3"), fileName);

        Assert.True(result.Report.Valid);
        Assert.Equal(fileName, result.Report.File);
    }

    [Theory]
    [InlineData("returns/2024-Q3.csv.txt")]
    [InlineData("returns/2024-Q3")]
    [InlineData("returns/2024-Q3.tsv")]
    public async Task Rejects_a_name_not_ending_in_csv(string fileName)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3"), fileName);

        Assert.Equal([("unsupported-file", null, null, null)], Problems(result.Report.Errors));
    }

    [Fact]
    public async Task Rejects_a_file_of_no_bytes_as_empty()
    {
        var result = await BytesAsync([]);

        Assert.Equal([("empty-file", null, null, null)], Problems(result.Report.Errors));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), result.Report.Sha256);
    }

    [Theory]
    [InlineData("\uFEFF")]
    [InlineData("\n\n")]
    [InlineData("\uFEFF\r\n ,  ,\r\n\r\n")]
    public async Task Rejects_a_file_with_no_header_as_empty_and_nothing_else(string text)
    {
        var result = await TextAsync(text);

        Assert.Equal([("empty-file", null, null, null)], Problems(result.Report.Errors));
        Assert.Empty(result.Report.Warnings);
    }

    [Fact]
    public async Task Rejects_bytes_that_are_not_UTF_8_and_still_hashes_the_whole_file()
    {
        // Windows-1252 "é" (0xE9) is how a spreadsheet's "CSV" (not "CSV UTF-8") writes an accented name.
        var text = Encoding.UTF8.GetBytes(ReturnBuilder.ForQuarter("2024-Q3").Build());
        byte[] bytes = [.. text[..^1], 0xE9, (byte)'\n', .. Encoding.UTF8.GetBytes(new string('#', 100_000))];

        var result = await BytesAsync(bytes);

        Assert.Equal([("encoding-error", null, null, null)], Problems(result.Report.Errors));
        Assert.Contains("CSV UTF-8", result.Report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Report.Sha256);
    }

    [Fact]
    public async Task Rejects_a_UTF_16_file_as_an_encoding_error()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ReturnBuilder.ForQuarter("2024-Q3").Build())).ToArray();

        var result = await BytesAsync(bytes);

        Assert.Equal([("encoding-error", null, null, null)], Problems(result.Report.Errors));
    }

    [Theory]
    [InlineData("2024-Q3,E08000027,Dud\"ley,120,7,14", "Dud\"ley")] // a quote inside an unquoted cell
    [InlineData("2024-Q3,E08000027,\"Dudley\"x,120,7,14", "\"Dudley\"x")] // text after the closing quote
    [InlineData("2024-Q3,E08000027,\"Dudley\" ,120,7,14", "\"Dudley\" ")] // even a space after it
    public async Task Rejects_broken_quoting_as_malformed_csv_at_its_row(string line, string field)
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithRawRow(Dudley, line));

        // The row could not be read, so no area is reported missing because of it.
        Assert.Equal([("malformed-csv", 4, null, field)], Problems(result.Report.Errors));
        Assert.Equal(7, result.Report.Rows);
    }

    [Fact]
    public async Task Rejects_a_quote_that_is_never_closed_as_malformed_csv()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithRawRow(Dudley, "2024-Q3,E08000027,\"Dudley,120,7,14"));

        // The open quote runs to the end of the file, taking the later rows with it.
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal((ValidationCodes.MalformedCsv, 4, (string?)null), (error.Code, error.Row, error.Column));
        Assert.StartsWith("\"Dudley,120,7,14", error.Value, StringComparison.Ordinal);
        Assert.Equal(3, result.Report.Rows);
    }

    [Fact]
    public async Task Rejects_an_unclosed_quote_that_runs_past_the_cell_limit_without_holding_the_file()
    {
        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithRawRow(Dudley, "2024-Q3,E08000027,\"Dudley,120,7,14").WithLine(new string('x', 200_000));
        var bytes = builder.BuildBytes();

        var result = await BytesAsync(bytes);

        Assert.Equal([("malformed-csv", 4, null, null)], Problems(result.Report.Errors));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Report.Sha256);
    }

    [Fact]
    public async Task Rejects_a_header_with_broken_quoting_and_reads_no_rows()
    {
        var result = await TextAsync("quarter,area_\"code,area_name,offences,knife_offences,positive_outcomes\n2024-Q3,E08000025,Birmingham,1,0,0\n");

        Assert.Equal([("malformed-csv", 1, null, "area_\"code")], Problems(result.Report.Errors));
        Assert.Equal(0, result.Report.Rows);
    }

    [Fact]
    public async Task Refuses_a_file_over_the_limit_by_its_known_length_without_reading_it()
    {
        using var stream = new UnreadableStream();

        var result = await Validator().ValidateAsync(stream, "returns/2024-Q3.csv", length: (10 * 1024 * 1024) + 1);

        Assert.Equal([("file-too-large", null, null, null)], Problems(result.Report.Errors));
        Assert.Contains("10,485,761 bytes", result.Report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Null(result.Report.Sha256);
        Assert.Equal(0, result.Report.Rows);
    }

    [Fact]
    public async Task Refuses_a_spreadsheet_over_the_limit_for_both_reasons_without_reading_it()
    {
        using var stream = new UnreadableStream();

        var result = await Validator().ValidateAsync(stream, "returns/2024-Q3.xlsx", length: 50_000_000);

        Assert.Equal([("unsupported-file", null, null, null), ("file-too-large", null, null, null)], Problems(result.Report.Errors));
    }

    [Fact]
    public async Task Stops_reading_a_stream_of_unknown_length_once_it_passes_the_limit()
    {
        var options = new ValidationOptions { MaxFileBytes = 64 * 1024 };
        using var endless = new GeneratedCsvStream(
            string.Join(',', DefaultDataset.Columns), i => $"2024-Q3,E08000025,Birmingham,{i % 100},0,0", totalBytes: null);

        var result = await Validator(options).ValidateAsync(endless, "returns/2024-Q3.csv");

        Assert.Equal([("file-too-large", null, null, null)], Problems(result.Report.Errors));
        Assert.Empty(result.Report.Warnings);
        Assert.Null(result.Report.Sha256);
        Assert.Equal(0, result.Report.Rows);
        Assert.Equal(options.MaxFileBytes + 1, endless.BytesRead);
    }

    [Fact]
    public async Task Accepts_a_file_of_exactly_the_limit_and_refuses_one_byte_more()
    {
        var bytes = ReturnBuilder.ForQuarter("2024-Q3").BuildBytes();
        var options = new ValidationOptions { MaxFileBytes = bytes.Length };

        using var exact = new MemoryStream(bytes);
        using var oneMore = new MemoryStream([.. bytes, (byte)'\n']);
        var atLimit = await Validator(options).ValidateAsync(exact, "2024-Q3.csv");
        var overLimit = await Validator(options).ValidateAsync(oneMore, "2024-Q3.csv");

        Assert.True(atLimit.Report.Valid);
        Assert.Equal([("file-too-large", null, null, null)], Problems(overLimit.Report.Errors));
    }

    [Fact]
    public async Task Reports_the_SHA_256_of_all_the_bytes_in_lower_case_hex()
    {
        var bytes = ReturnBuilder.ForQuarter("2024-Q3").WithByteOrderMark().WithCrLf().BuildBytes();

        var result = await BytesAsync(bytes);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Report.Sha256);
    }

    [Fact]
    public async Task Does_not_dispose_the_callers_stream()
    {
        using var stream = new MemoryStream(ReturnBuilder.ForQuarter("2024-Q3").BuildBytes());

        await Validator().ValidateAsync(stream, "2024-Q3.csv");

        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task Stops_when_cancelled()
    {
        using var stream = new MemoryStream(ReturnBuilder.ForQuarter("2024-Q3").BuildBytes());
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Validator().ValidateAsync(stream, "2024-Q3.csv", cancellationToken: cancellation.Token));
    }
}
