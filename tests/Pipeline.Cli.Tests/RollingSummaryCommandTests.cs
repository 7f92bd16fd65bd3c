namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline summary --basis rolling</c>: the year ending with a quarter, as JSON, CSV and a table, and its failures.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RollingSummaryCommandTests(AzuriteFixture azurite)
{
    private static string[] Samples => [.. Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_rolling_year_ending_December_2024_prints_as_json_csv_and_a_table_and_a_missing_quarter_exits_1()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", .. Samples], settings)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(["recalc"], settings)).ExitCode);

        var json = await CliRun.RunAsync(["summary", "--basis", "rolling"], settings);
        var csv = await CliRun.RunAsync(["summary", "--basis", "rolling", "--period", "2024-Q4", "--format", "csv"], settings);
        var table = await CliRun.RunAsync(["summary", "--basis", "rolling", "--format", "table", "--area", "E08000026"], settings);
        var missing = await CliRun.RunAsync(["summary", "--basis", "rolling", "--period", "2024-Q3"], settings);
        var malformed = await CliRun.RunAsync(["summary", "--basis", "rolling", "--period", "2024"], settings);

        Assert.Equal((0, ""), (json.ExitCode, json.Stderr));
        Assert.Contains("\"period\": \"2024-Q4\"", json.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"previousPeriod\": \"2023-Q4\"", json.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("rolling,2024-Q4,2023-Q4,complete,,Total,6621,7675,-1054,-13.73,", csv.StdoutLines[^1], StringComparison.Ordinal);
        Assert.Equal(0, table.ExitCode);
        Assert.Equal(
            "Serious youth violence: rolling year ending December 2024 against year ending December 2023 (complete; 2024-Q1, 2024-Q2, 2024-Q3, 2024-Q4)",
            table.StdoutLines[0]);
        Assert.StartsWith("Area      Offences 2023-Q4 -> 2024-Q4", table.StdoutLines[1], StringComparison.Ordinal);
        Assert.StartsWith("Total                  7,675 -> 6,621  -13.73%", table.StdoutLines[^2], StringComparison.Ordinal);

        Assert.Equal((1, ""), (missing.ExitCode, missing.Stdout));
        Assert.Equal(
            "There is no rolling comparison for period 2024-Q3. A rolling comparison exists for a quarter once it and the seven quarters before it are accepted and a recalculation has run.\n" +
            "The rolling periods with a comparison: 2024-Q4.\n",
            missing.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal((2, ""), (malformed.ExitCode, malformed.Stdout));
        Assert.Equal(
            "Parameter 'period': '2024' is not a rolling period. Use a quarter such as 2024-Q3, the last of the year's four.\n",
            malformed.Stderr.ReplaceLineEndings("\n"));
    }
}
