namespace Pipeline.Cli.Tests;

/// <summary><c>summary --format table</c> (the CLI's table for people) and the CLI's answer to a period with no comparison.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SummaryTableTests(AzuriteFixture azurite)
{
    private static string[] Samples => [.. Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal)];

    private async Task<Dictionary<string, string?>> IngestedAsync()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", .. Samples], settings)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(["recalc"], settings)).ExitCode);
        return settings;
    }

    [Fact]
    public async Task A_table_of_one_area_on_the_financial_basis_has_that_area_then_the_total()
    {
        var settings = await IngestedAsync();

        var run = await CliRun.RunAsync(["summary", "--format", "table", "--basis", "financial", "--area", "E08000026"], settings);

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(
            [
                "Serious youth violence: financial 2024/25 against 2023/24 (year-to-date; 2024-Q2, 2024-Q3, 2024-Q4)",
                "",
                "Area      Offences 2023/24 -> 2024/25   Change  Knife offences   Change  Positive outcomes   Change  Positive outcome rate  Points  Offences per 1,000  Change  95% CI 2024/25",
                "--------  ---------------------------  -------  --------------  -------  -----------------  -------  ---------------------  ------  ------------------  ------  --------------",
                "Coventry                   711 -> 585  -17.72%        31 -> 30   -3.23%           67 -> 74  +10.45%        9.42% -> 12.65%   +3.23        8.75 -> 7.20   -1.55    6.63 to 7.81",
                "--------  ---------------------------  -------  --------------  -------  -----------------  -------  ---------------------  ------  ------------------  ------  --------------",
                "Total                  5,833 -> 4,966  -14.86%      278 -> 245  -11.87%         616 -> 634   +2.92%       10.56% -> 12.77%   +2.21        9.67 -> 8.23   -1.44    8.00 to 8.46",
                "",
                "Computed at 2026-11-26T02:00:00+00:00 from 6 accepted returns.",
            ],
            run.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task A_table_of_another_dataset_follows_its_metrics_and_title()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        var admissions = Directory.GetFiles(RepositoryRoot.Combine("samples", "violence-admissions"), "*.csv").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", "--dataset", "violence-admissions", .. admissions], settings)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(["recalc"], settings)).ExitCode);

        var run = await CliRun.RunAsync(["summary", "--dataset", "violence-admissions", "--format", "table"], settings);

        Assert.Equal(0, run.ExitCode);
        var lines = run.StdoutLines;
        Assert.StartsWith("Hospital admissions for assault: calendar ", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^Area +Admissions \d{4} -> \d{4} +Change  Sharp object admissions +Change  Sharp object share +Points$", lines[1]);
        Assert.StartsWith("Total ", lines[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_with_no_comparison_exits_1_and_names_the_periods_that_have_one()
    {
        var settings = await IngestedAsync();

        var calendar = await CliRun.RunAsync(["summary", "--period", "2019", "--format", "table"], settings);
        var financial = await CliRun.RunAsync(["summary", "--basis", "financial", "--period", "2021/22"], settings);
        var none = await CliRun.RunAsync(["summary", "--dataset", "violence-admissions", "--period", "2024"], settings);

        Assert.Equal((1, ""), (calendar.ExitCode, calendar.Stdout));
        Assert.Equal(
            "There is no calendar comparison for period 2019. Comparisons exist once returns for a period and the one before it are accepted and a recalculation has run.\n" +
            "The calendar periods with a comparison: 2024.\n",
            calendar.Stderr.ReplaceLineEndings("\n"));
        Assert.EndsWith("The financial periods with a comparison: 2023/24, 2024/25.\n", financial.Stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(1, none.ExitCode);
        Assert.EndsWith("Dataset violence-admissions has no calendar comparisons yet.\n", none.Stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_names_table_among_the_formats_and_exits_2()
    {
        var run = await CliRun.RunAsync(["summary", "--format", "xml"], PipelineHarness.NewSettings(azurite));

        Assert.Equal((2, ""), (run.ExitCode, run.Stdout));
        Assert.Equal("Parameter 'format': 'xml' is not a format. Use 'json', 'csv', 'ods' or 'table'.\n", run.Stderr.ReplaceLineEndings("\n"));
    }
}
