namespace Pipeline.Cli.Tests;

/// <summary>The examples of the README and of docs/returns.md (where the README's return section went) are what the tools print.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadmeTests(AzuriteFixture azurite)
{
    private static readonly string Readme = File.ReadAllText(RepositoryRoot.Combine("README.md")).ReplaceLineEndings("\n");

    private static readonly string ReturnPage = File.ReadAllText(RepositoryRoot.Combine("docs", "returns.md")).ReplaceLineEndings("\n");

    [Fact]
    public async Task The_demo_table_in_the_readme_is_what_summary_format_table_prints_for_the_samples()
    {
        // What scripts/demo.sh does: ingest the samples, recalculate, print the summary as a table.
        var settings = PipelineHarness.NewSettings(azurite);
        var samples = Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", .. samples], settings)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(["recalc"], settings)).ExitCode);

        var run = await CliRun.RunAsync(["summary", "--format", "table"], settings);

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        var printed = run.Stdout.ReplaceLineEndings("\n").Split("\n\nComputed at ");
        Assert.Equal("2026-11-26T02:00:00+00:00 from 8 accepted returns.\n", printed[1]);
        Assert.Contains("```text\n" + printed[0] + "\n```", Readme, StringComparison.Ordinal);
        Assert.Contains("\nTotal                 7,675 -> 6,621  -13.73%      370 -> 328  -11.35%         801 -> 858   +7.12%       10.44% -> 12.96%   +2.52", printed[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_prints_the_table_and_ends_with_the_status_and_needs_no_node_script()
    {
        var demo = File.ReadAllText(RepositoryRoot.Combine("scripts", "demo.sh")).ReplaceLineEndings("\n").TrimEnd('\n');

        Assert.Contains("\npipeline summary --format table\n", demo, StringComparison.Ordinal);
        Assert.EndsWith("\npipeline status", demo, StringComparison.Ordinal);
        Assert.False(File.Exists(RepositoryRoot.Combine("scripts", "lib", "summary-table.mjs")));
    }

    [Fact]
    public async Task The_validate_example_of_the_return_page_is_what_validate_prints()
    {
        using var scratch = new ScratchFolder();
        var text = ReturnFiles.ValidBuilder("2024-Q2").WithCell("E08000028", "offences", "1O3").Build();
        var path = scratch.Write("2024-Q2.csv", text);

        var run = await CliRun.RunAsync(["validate", path]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2024-Q2.csv: INVALID (1 error)\n" + run.StdoutLines[1] + "\n", ReturnPage, StringComparison.Ordinal);
        Assert.Equal(path + ": INVALID (1 error)", run.StdoutLines[0]);
    }

    [Fact]
    public void The_quick_start_is_the_two_scripts()
    {
        Assert.Contains("scripts/demo.sh    #", Readme, StringComparison.Ordinal);
        Assert.Contains("scripts/test.sh    #", Readme, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryRoot.Combine("scripts", "demo.sh")));
        Assert.True(File.Exists(RepositoryRoot.Combine("scripts", "test.sh")));
    }
}
