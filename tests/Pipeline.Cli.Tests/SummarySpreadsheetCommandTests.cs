using Pipeline.Functions.Tests;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline summary --format ods --output FILE</c>: the same workbook GET /api/summary?format=ods serves, written to the file.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SummarySpreadsheetCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Summary_writes_the_api_s_workbook_to_the_file_and_refuses_ods_without_one()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        var samples = Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", .. samples], settings)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(["recalc"], settings)).ExitCode);
        var file = Path.Combine(Directory.CreateTempSubdirectory("cli-ods-").FullName, "summary 2024.ods");

        var written = await CliRun.RunAsync(["summary", "--basis", "financial", "--format", "ods", "--output", file], settings);
        var refused = await CliRun.RunAsync(["summary", "--format", "ods"], settings);
        var wrong = await CliRun.RunAsync(["summary", "--format", "xls"], settings);
        using var app = PipelineHarness.Over(azurite, settings);
        var http = await HttpCall.GetSummaryAsync(app, "?basis=financial&format=ods");

        Assert.Equal((0, ""), (written.ExitCode, written.Stderr));
        Assert.Equal(http.Body(), await File.ReadAllBytesAsync(file));
        Assert.Equal($"Wrote {file} ({http.Body().Length:N0} bytes).", written.Stdout.TrimEnd());
        Assert.Equal((2, ""), (refused.ExitCode, refused.Stdout));
        Assert.Contains("A spreadsheet is not text: give --output FILE", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("Use 'json', 'csv', 'ods' or 'table'.", wrong.Stderr, StringComparison.Ordinal);
    }
}
