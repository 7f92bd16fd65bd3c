using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ports;
using Pipeline.Functions;
using Pipeline.Functions.Tests;

namespace Pipeline.Cli.Tests;

/// <summary>The storage commands (ingest, process, recalc, summary) through the CLI's own entry, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageCommandTests(AzuriteFixture azurite)
{
    private static string[] Samples => [.. Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Ingest_accepts_all_eight_samples_and_exits_0()
    {
        var settings = PipelineHarness.NewSettings(azurite);

        var run = await CliRun.RunAsync(["ingest", .. Samples], settings);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(8, run.StdoutLines.Count(l => l.Contains(": accepted, valid (", StringComparison.Ordinal)));
        Assert.Contains($"  kept as {settings["Pipeline:Storage:AcceptedContainer"]}/2024-Q4.csv", run.StdoutLines);
        using var app = PipelineHarness.Over(azurite, settings);
        Assert.Equal(8, (await app.Get<IAcceptedQuarterStore>().ListAsync()).Count);
        Assert.Equal(8, (await app.ListAsync(app.Accepted)).Count);
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task Ingest_of_a_broken_file_exits_1_with_its_code_row_and_column_and_changes_no_figure()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var scratch = new ScratchFolder();
        var broken = scratch.Write("2024-Q2.csv", ReturnFiles.ValidBuilder("2024-Q2").WithCell("E08000028", "offences", "1O3").Build());

        var run = await CliRun.RunAsync(["ingest", broken], settings);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("  error   row 5, offences: type-error: ", StringComparison.Ordinal));
        var rejected = settings["Pipeline:Storage:RejectedContainer"];
        Assert.Contains($"  kept as {rejected}/2024-Q2.csv with {rejected}/2024-Q2.csv.report.json", run.StdoutLines);
        using var app = PipelineHarness.Over(azurite, settings);
        Assert.Empty(await app.Get<IAcceptedQuarterStore>().ListAsync());
        Assert.Equal(["2024-Q2.csv", "2024-Q2.csv.report.json"], (await app.ListAsync(app.Rejected)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ingest_json_prints_one_array_of_outcomes_with_their_reports()
    {
        var settings = PipelineHarness.NewSettings(azurite);

        var run = await CliRun.RunAsync(["ingest", Samples[0], Samples[1], "--json"], settings);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var outcomes = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.Equal(["file", "status", "quarter", "storedAs", "sha256", "report", "sentBy"], outcomes[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["cli", "cli"], outcomes.Select(o => o.GetProperty("sentBy").GetString()));
        Assert.Equal("accepted", outcomes[0].GetProperty("status").GetString());
        Assert.Equal("2023-Q1", outcomes[0].GetProperty("quarter").GetString());
        Assert.True(outcomes[0].GetProperty("report").GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Ingest_of_a_file_that_is_not_there_exits_2()
    {
        var run = await CliRun.RunAsync(["ingest", "/no/such/2024-Q1.csv"], PipelineHarness.NewSettings(azurite));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/no/such/2024-Q1.csv: cannot be read", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_handles_what_waits_in_uploads_and_says_when_nothing_does()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var app = PipelineHarness.Over(azurite, settings);
        await app.UploadAsync("drop/2024-Q1.csv", ReturnFiles.Valid("2024-Q1"));
        await app.UploadAsync("drop/2024-Q2.csv", ReturnFiles.KnifeExceedsOffences("2024-Q2"));

        var run = await CliRun.RunAsync(["process"], settings);

        Assert.Equal(1, run.ExitCode); // One was rejected.
        Assert.Contains("drop/2024-Q1.csv: accepted, valid (2024-Q1, 7 rows)", run.StdoutLines);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("drop/2024-Q2.csv: rejected, INVALID (1 error)", StringComparison.Ordinal));
        Assert.Empty(await app.ListAsync(app.Uploads));

        var again = await CliRun.RunAsync(["process"], settings);
        Assert.Equal((0, "Nothing is waiting in uploads."), (again.ExitCode, again.Stdout.Trim()));
    }

    [Fact]
    public async Task The_function_and_the_cli_give_the_same_outcome_for_the_same_upload()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("2024-Q3.csv", System.Text.Encoding.UTF8.GetString(ReturnFiles.Valid("2024-Q3")));
        var viaCli = PipelineHarness.NewSettings(azurite);
        using var viaFunction = PipelineHarness.Create(azurite);

        await CliRun.RunAsync(["ingest", path], viaCli);
        await viaFunction.UploadAsync("2024-Q3.csv", await File.ReadAllBytesAsync(path));
        await ActivatorUtilities.CreateInstance<ValidateUpload>(viaFunction.Services)
            .RunAsync(viaFunction.Uploads.GetBlobClient("2024-Q3.csv"), CancellationToken.None);

        using var cliApp = PipelineHarness.Over(azurite, viaCli);
        var fromCli = (await cliApp.Get<IUploadLedger>().ListAsync()).Single();
        var fromFunction = (await viaFunction.Get<IUploadLedger>().ListAsync()).Single();
        Assert.Equal((fromFunction.File, fromFunction.Sha256, fromFunction.Status, fromFunction.StoredAs), (fromCli.File, fromCli.Sha256, fromCli.Status, fromCli.StoredAs));
        var cliFigures = await cliApp.Get<IAcceptedQuarterStore>().ListFiguresAsync();
        var functionFigures = await viaFunction.Get<IAcceptedQuarterStore>().ListFiguresAsync();
        Assert.Equal(functionFigures.Single().Areas, cliFigures.Single().Areas);
        Assert.Equal(await viaFunction.ListAsync(viaFunction.Accepted), await cliApp.ListAsync(cliApp.Accepted));
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "--basis", "financial" }, "?basis=financial")]
    [InlineData(new[] { "--basis", "financial", "--period", "2023/24" }, "?basis=financial&period=2023/24")]
    [InlineData(new[] { "--period", "2024", "--format", "csv" }, "?period=2024&format=csv")]
    [InlineData(new[] { "--area", "E08000031", "--format", "csv" }, "?area=E08000031&format=csv")]
    [InlineData(new[] { "--area", "E08000026" }, "?area=E08000026")]
    public async Task Summary_prints_exactly_the_bytes_the_http_function_returns(string[] options, string query)
    {
        var settings = PipelineHarness.NewSettings(azurite);
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", .. Samples], settings)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(["recalc"], settings)).ExitCode);

        var cli = await CliRun.RunAsync(["summary", .. options], settings);
        using var app = PipelineHarness.Over(azurite, settings);
        var http = await HttpCall.GetSummaryAsync(app, query);

        Assert.Equal(0, cli.ExitCode);
        Assert.Equal(200, http.StatusCode);
        Assert.Equal(http.Text(), cli.Stdout);
    }

    [Fact]
    public async Task Summary_exits_1_when_there_is_no_comparison_and_2_for_a_bad_parameter()
    {
        var settings = PipelineHarness.NewSettings(azurite);

        var missing = await CliRun.RunAsync(["summary"], settings);
        Assert.Equal((1, ""), (missing.ExitCode, missing.Stdout));
        Assert.Contains("There is no calendar comparison yet.", missing.Stderr, StringComparison.Ordinal);

        var bad = await CliRun.RunAsync(["summary", "--basis", "fiscal"], settings);
        Assert.Equal((2, ""), (bad.ExitCode, bad.Stdout));
        Assert.Contains("Parameter 'basis'", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recalc_writes_the_same_comparisons_as_the_timer_function()
    {
        var viaCli = PipelineHarness.NewSettings(azurite);
        using var viaTimer = PipelineHarness.Create(azurite);
        await CliRun.RunAsync(["ingest", .. Samples], viaCli, now: PipelineHarness.Today); // Its fresh figures are then stamped as the timer's are.
        await viaTimer.IngestSamplesAsync();

        Assert.Equal(0, (await CliRun.RunAsync(["recalc"], viaCli, now: PipelineHarness.Today)).ExitCode);
        await ActivatorUtilities.CreateInstance<RecalculateComparisons>(viaTimer.Services)
            .RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        using var cliApp = PipelineHarness.Over(azurite, viaCli);
        foreach (var basis in Core.Calendar.YearBasisNames.All)
        {
            var fromCli = await cliApp.Get<Core.Ports.IComparisonStore>().GetAsync("serious-youth-violence", basis, null);
            var fromTimer = await viaTimer.Get<Core.Ports.IComparisonStore>().GetAsync("serious-youth-violence", basis, null);
            // The files' names differ (the CLI uploads by file name, the harness under samples/); all else is equal.
            Assert.Equal(
                System.Text.Encoding.UTF8.GetString(fromTimer!.Json).Replace("\"samples/", "\"", StringComparison.Ordinal),
                System.Text.Encoding.UTF8.GetString(fromCli!.Json));
        }
    }

    [Fact]
    public async Task Recalc_reports_what_it_computed()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        await CliRun.RunAsync(["ingest", .. Samples], settings);

        var run = await CliRun.RunAsync(["recalc"], settings);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Recalculated 4 comparisons from 8 accepted quarters at 2026-11-26T02:00:00+00:00.", run.Stdout.Trim());
    }

    [Fact]
    public async Task The_AzureWebJobsStorage_setting_wins_over_the_connection_option()
    {
        var settings = PipelineHarness.NewSettings(azurite);

        var run = await CliRun.RunAsync(["recalc", "--connection", "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://127.0.0.1:1"], settings);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Storage_that_cannot_be_reached_is_an_environment_error()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        settings.Remove("AzureWebJobsStorage");
        var closed = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + azurite.ConnectionString.Split("AccountKey=")[1].Split(';')[0] +
            ";BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

        var run = await CliRun.RunAsync(["recalc", "--connection", closed], settings);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Storage at http://127.0.0.1:9 failed to answer (no connection, a timeout or a server error); trying again (1 of 1)...", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Storage failed: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Check AzureWebJobsStorage or --connection", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }
}
