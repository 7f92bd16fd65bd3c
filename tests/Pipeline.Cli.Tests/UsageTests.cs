namespace Pipeline.Cli.Tests;

public sealed class UsageTests
{
    [Theory]
    [InlineData(new string[0], "Required command was not provided.")]
    [InlineData(new[] { "validate" }, "Required argument missing")]
    [InlineData(new[] { "validate", "--bogus", "a.csv" }, "--bogus")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    public async Task Exits_2_with_the_message_on_stderr_for_a_usage_error(string[] args, string message)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("pipeline --help", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData(new[] { "valdate", "x.csv" }, "'valdate' is not a command. Did you mean 'validate'?")]
    [InlineData(new[] { "stauts" }, "'stauts' is not a command. Did you mean 'status'?")]
    [InlineData(new[] { "validate", "--jsn", "x.csv" }, "'--jsn' is not an option of 'pipeline validate'. Did you mean '--json'?")]
    [InlineData(new[] { "ingest", "--datset", "x", "a.csv" }, "'--datset' is not an option of 'pipeline ingest'. Did you mean '--dataset'?")]
    [InlineData(new[] { "summary", "--fromat", "csv" }, "'--fromat' is not an option of 'pipeline summary'. Did you mean '--format'?")]
    [InlineData(new[] { "summary", "--fromat=csv" }, "'--fromat' is not an option of 'pipeline summary'. Did you mean '--format'?")]
    [InlineData(new[] { "status", "--jsonn" }, "'--jsonn' is not an option of 'pipeline status'. Did you mean '--json'?")]
    public async Task A_mistyped_command_or_option_gets_did_you_mean_on_stderr_and_exits_2(string[] args, string suggestion)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal((2, ""), (run.ExitCode, run.Stdout));
        Assert.Equal(suggestion + "\nRun 'pipeline --help' for usage.\n", run.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_token_near_nothing_keeps_the_parsers_message()
    {
        var run = await CliRun.RunAsync(["validate", "--bogus", "a.csv"]);

        Assert.Equal(
            "Unrecognized option '--bogus'. (For a file whose name starts with '-', write ./--bogus.)\nRun 'pipeline --help' for usage.\n",
            run.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_unknown_Pipeline_setting_is_refused_with_exit_2_naming_it_as_written()
    {
        var samples = RepositoryRoot.Combine("samples", "2024-Q3.csv");

        var run = await CliRun.RunAsync(["validate", samples], new Dictionary<string, string?> { ["Pipeline:Areas:0:Code"] = "E08000025" });

        Assert.Equal((2, ""), (run.ExitCode, run.Stdout));
        Assert.StartsWith(
            "The settings are not usable: The setting Pipeline__Areas__0__Code is not read by the app: correct or remove it. " +
            "The Pipeline settings are Pipeline__Validation__MaxFileBytes, Pipeline__Validation__MaxErrors, Pipeline__Validation__MaxValue, " +
            "Pipeline__Validation__Areas__N__Code, Pipeline__Validation__Areas__N__Name, Pipeline__Summary__CacheSeconds, Pipeline__Datasets__Path, Pipeline__Spreadsheets__Contact, " +
            "Pipeline__Storage__AcceptedContainer, Pipeline__Storage__RejectedContainer, Pipeline__Storage__DocumentsContainer, Pipeline__Storage__AcceptedQuartersTable, " +
            "Pipeline__Storage__LedgerTable, Pipeline__Storage__ComparisonsTable, Pipeline__Storage__ReleasesTable.",
            run.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_settings_are_known_to_validate_which_uses_no_storage()
    {
        var samples = RepositoryRoot.Combine("samples", "2024-Q3.csv");

        var run = await CliRun.RunAsync(["validate", samples], new Dictionary<string, string?> { ["Pipeline:Storage:LedgerTable"] = "Ledger2" });

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public async Task Shows_help_on_stdout_and_exits_0()
    {
        var run = await CliRun.RunAsync(["validate", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--json", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }
}

/// <summary>Environment variables are process-wide: the test that sets one runs alone.</summary>
[CollectionDefinition(nameof(EnvironmentVariables), DisableParallelization = true)]
public sealed class EnvironmentVariables;

[Collection(nameof(EnvironmentVariables))]
public sealed class EnvironmentConfigurationTests
{
    [Fact]
    public async Task Reads_validation_settings_from_Pipeline__Validation__environment_variables()
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "samples", "2024-Q3.csv");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Environment.SetEnvironmentVariable("Pipeline__Validation__MaxFileBytes", "10");
        try
        {
            var exitCode = await Cli.RunAsync(["validate", samples], stdout, stderr);

            Assert.Equal(1, exitCode);
            Assert.Contains("file-too-large", stdout.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Pipeline__Validation__MaxFileBytes", null);
        }
    }
}
