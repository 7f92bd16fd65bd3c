using System.Text.Json;

namespace Pipeline.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private const string Header = "quarter,area_code,area_name,offences,knife_offences,positive_outcomes";
    private static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "samples");
    private readonly ScratchFolder scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task Validates_every_sample_and_exits_0()
    {
        var samples = Directory.GetFiles(SamplesDirectory, "*.csv").Order(StringComparer.Ordinal).ToArray();

        var run = await CliRun.RunAsync(["validate", .. samples]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(8, samples.Length);
        Assert.Equal(samples.Select(s => $"{s}: valid ({Path.GetFileNameWithoutExtension(s)}, 7 rows)"), run.StdoutLines);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Lists_each_problem_of_an_invalid_file_and_exits_1()
    {
        var valid = SamplePath("2024-Q1");
        var invalid = scratch.Write("2024-Q3.csv", SampleText("2024-Q1").Replace("2024-Q1", "2024-Q3", StringComparison.Ordinal).Replace(",E08000027,Dudley,", ",E08000027,Dudly,", StringComparison.Ordinal) + "\n2024-Q3,E08000026,Coventry,12a,0,0\n");

        var run = await CliRun.RunAsync(["validate", valid, invalid]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"{valid}: valid (2024-Q1, 7 rows)",
                $"{invalid}: INVALID (2 errors, 2 warnings)",
                "  error   row 10, area_code: duplicate-area: Row 10, column area_code: E08000026 (Coventry) already has a row, row 3. Give each area exactly one row.",
                "  error   row 10, offences: type-error: Row 10, column offences: '12a' is not a whole number. Use digits only, e.g. 12.",
                "  warning row 4, area_name: area-name-mismatch: Row 4, column area_name: 'Dudly' is not the configured name of E08000027, which is Dudley. The row counts for E08000027: check that the code is right.",
                "  warning row 9: blank-row: Row 9 is blank and was skipped. You can delete it.",
            ],
            run.StdoutLines);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Prints_one_json_array_of_the_reports_with_json()
    {
        var invalid = scratch.Write("return.xlsx", "PK\u0003\u0004");

        var run = await CliRun.RunAsync(["validate", "--json", SamplePath("2024-Q2"), invalid]);

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var reports = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, reports.Length);
        Assert.Equal(["file", "valid", "quarter", "rows", "sha256", "truncated", "errors", "warnings"], reports[0].EnumerateObject().Select(p => p.Name));
        Assert.True(reports[0].GetProperty("valid").GetBoolean());
        Assert.Equal("unsupported-file", reports[1].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.All(reports, r => ResponseSchemas.AssertValid(ResponseSchemas.Report, r)); // docs/schemas/validation-report.schema.json
    }

    [Fact]
    public async Task Reports_a_file_that_cannot_be_read_on_stderr_and_exits_2_after_validating_the_others()
    {
        var missing = Path.Combine(scratch.Path, "2024-Q3.csv");

        var run = await CliRun.RunAsync(["validate", missing, SamplePath("2024-Q3")]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{missing}: cannot be read:", run.Stderr, StringComparison.Ordinal);
        Assert.Equal([$"{SamplePath("2024-Q3")}: valid (2024-Q3, 7 rows)"], run.StdoutLines);
    }

    [Fact]
    public async Task Reads_the_validation_settings_from_configuration()
    {
        var path = scratch.Write("2024-Q3.csv", $"{Header}\n");

        var run = await CliRun.RunAsync(["validate", path], new Dictionary<string, string?> { ["Pipeline:Validation:MaxErrors"] = "2" });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"{path}: INVALID (2 errors shown)",
                "  error   area_code: missing-area: There is no row for E08000025 (Birmingham). Add one, with 0 in the counts that had none.",
                "  error   area_code: missing-area: There is no row for E08000026 (Coventry). Add one, with 0 in the counts that had none.",
                "  (5 more errors not shown: fix these and validate again to see the rest)",
            ],
            run.StdoutLines);
    }

    [Fact]
    public async Task Reads_the_configured_areas_from_configuration()
    {
        var path = scratch.Write("2024-Q3.csv", $"{Header}\n2024-Q3,E06000001,Hartlepool,10,1,2\n");
        var settings = new Dictionary<string, string?>
        {
            ["Pipeline:Validation:Areas:0:Code"] = "E06000001",
            ["Pipeline:Validation:Areas:0:Name"] = "Hartlepool",
            ["Pipeline:Datasets:Path"] = ShippedFiles.DatasetsForAreas(Path.Combine(scratch.Path, "hartlepool"), [("E06000001", "Hartlepool")]),
        };

        var run = await CliRun.RunAsync(["validate", path], settings);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"{path}: valid (2024-Q3, 1 row)"], run.StdoutLines);
    }

    [Fact]
    public async Task Exits_2_when_the_validation_settings_are_invalid()
    {
        var run = await CliRun.RunAsync(["validate", SamplePath("2024-Q3")], new Dictionary<string, string?> { ["Pipeline:Validation:MaxErrors"] = "none" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Pipeline:Validation", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Rejects_a_quarter_that_has_not_ended_by_the_clock()
    {
        var path = scratch.Write("2024-Q3.csv", SampleText("2024-Q3"));

        var run = await CliRun.RunAsync(["validate", path], now: new DateTimeOffset(2024, 9, 30, 23, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("future-quarter", run.Stdout, StringComparison.Ordinal);
    }

    private static string SamplePath(string quarter) => Path.Combine(SamplesDirectory, $"{quarter}.csv");

    private static string SampleText(string quarter) => File.ReadAllText(SamplePath(quarter));
}
