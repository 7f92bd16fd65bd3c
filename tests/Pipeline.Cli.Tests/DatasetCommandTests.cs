using System.Text.Json;
using Pipeline.Core.Ports;

namespace Pipeline.Cli.Tests;

/// <summary>--dataset on every command, through the CLI's own entry point.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DatasetCommandTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly string[] AdmissionSamples =
        [.. Directory.GetFiles(RepositoryRoot.Combine("samples", "violence-admissions"), "*.csv").Order(StringComparer.Ordinal)];

    private readonly ScratchFolder scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task Validate_checks_the_admissions_samples_against_their_definition()
    {
        var run = await CliRun.RunAsync(["validate", "--dataset", "violence-admissions", .. AdmissionSamples]);

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(AdmissionSamples.Select(s => $"{s}: valid ({Path.GetFileNameWithoutExtension(s)}, 7 rows)"), run.StdoutLines);
    }

    [Fact]
    public async Task Validate_reports_sharp_object_admissions_above_admissions()
    {
        var path = scratch.Write("2024-Q3.csv", ReturnBuilder.For(Core.Datasets.DatasetRegistry.BuiltIn.Get("violence-admissions"), "2024-Q3").WithCounts("E08000025", null, 20, 21).Build());

        var run = await CliRun.RunAsync(["validate", "--dataset", "violence-admissions", path]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("  error   row 2, sharp_object_admissions: sharp-exceeds-admissions: Row 2, column sharp_object_admissions: 21 sharp object admissions", run.StdoutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_dataset_is_a_usage_error_that_lists_the_datasets()
    {
        var validate = await CliRun.RunAsync(["validate", "--dataset", "Violence-Admissions", AdmissionSamples[0]]);
        var summary = await CliRun.RunAsync(["summary", "--dataset", "nope"], PipelineHarness.NewSettings(azurite));

        Assert.Equal((2, ""), (validate.ExitCode, validate.Stdout));
        Assert.Equal("There is no dataset 'Violence-Admissions'. The datasets are: serious-youth-violence, violence-admissions.", validate.Stderr.Trim());
        Assert.Equal((2, ""), (summary.ExitCode, summary.Stdout));
        Assert.StartsWith("Parameter 'dataset': 'nope' is not a dataset.", summary.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_files_a_return_under_its_dataset_and_summary_shows_that_dataset()
    {
        var settings = PipelineHarness.NewSettings(azurite);

        var ingest = await CliRun.RunAsync(["ingest", "--dataset", "violence-admissions", "--json", .. AdmissionSamples], settings);
        var recalc = await CliRun.RunAsync(["recalc"], settings);
        var summary = await CliRun.RunAsync(["summary", "--dataset", "violence-admissions"], settings);
        var police = await CliRun.RunAsync(["summary"], settings);

        Assert.Equal(0, ingest.ExitCode);
        using (var outcomes = JsonDocument.Parse(ingest.Stdout))
        {
            Assert.Equal(AdmissionSamples.Select(s => "violence-admissions/" + Path.GetFileName(s)), outcomes.RootElement.EnumerateArray().Select(o => o.GetProperty("storedAs").GetString()));
        }

        Assert.Equal("Recalculated 4 comparisons from 8 accepted quarters at 2026-11-26T02:00:00+00:00.", recalc.Stdout.Trim());
        Assert.Equal(0, summary.ExitCode);
        using var json = JsonDocument.Parse(summary.Stdout);
        Assert.Equal("violence-admissions", json.RootElement.GetProperty("dataset").GetString());
        Assert.Equal(-7.46m, json.RootElement.GetProperty("total").GetProperty("admissions").GetProperty("changePercent").GetDecimal());
        Assert.Equal(1, police.ExitCode); // the police dataset has nothing yet
    }

    [Fact]
    public async Task Process_and_recalc_can_be_narrowed_to_one_dataset()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var app = PipelineHarness.Over(azurite, settings);
        await app.UploadAsync("2024-Q1.csv", ReturnFiles.Valid("2024-Q1"));
        await app.UploadAsync("violence-admissions/2024-Q1.csv", await File.ReadAllBytesAsync(AdmissionSamples[4]));

        var run = await CliRun.RunAsync(["process", "--dataset", "violence-admissions"], settings);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["violence-admissions/2024-Q1.csv: accepted, valid (2024-Q1, 7 rows)", $"  kept as {app.Accepted.Name}/violence-admissions/2024-Q1.csv"], run.StdoutLines);
        Assert.Equal(["2024-Q1.csv"], await app.ListAsync(app.Uploads));
        var accepted = Assert.Single(await app.Get<IAcceptedQuarterStore>().ListAsync());
        Assert.Equal("violence-admissions", accepted.Dataset);
    }
}
