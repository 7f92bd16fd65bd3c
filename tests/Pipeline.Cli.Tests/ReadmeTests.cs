using System.Diagnostics;

namespace Pipeline.Cli.Tests;

/// <summary>The README's examples are what the tools print.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryRoot.Combine("README.md")).ReplaceLineEndings("\n");

    [Fact]
    public async Task The_demo_table_in_the_readme_is_what_the_demo_prints_for_the_samples()
    {
        // The summary of the samples is pinned by the snapshot the HTTP function's test checks; the demo renders it.
        var snapshot = RepositoryRoot.Combine("tests", "Pipeline.Functions.Tests", "Snapshots", "summary-calendar-2024.json");
        var start = new ProcessStartInfo("node", [RepositoryRoot.Combine("scripts", "lib", "summary-table.mjs")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(await File.ReadAllTextAsync(snapshot));
        node.StandardInput.Close();
        var printed = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.Equal(0, node.ExitCode);

        var table = printed.ReplaceLineEndings("\n").Split("\n\nComputed at")[0];
        Assert.Contains("```text\n" + table + "\n```", Readme, StringComparison.Ordinal);
        Assert.Contains("Total                 7,675 -> 6,621  -13.73%      370 -> 328  -11.35%         801 -> 858   +7.12%       10.44% -> 12.96%   +2.52", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_validate_example_in_the_readme_is_what_validate_prints()
    {
        using var scratch = new ScratchFolder();
        var text = ReturnFiles.ValidBuilder("2024-Q2").WithCell("E08000028", "offences", "1O3").Build();
        var path = scratch.Write("2024-Q2.csv", text);

        var run = await CliRun.RunAsync(["validate", path]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2024-Q2.csv: INVALID (1 error)\n" + run.StdoutLines[1] + "\n", Readme, StringComparison.Ordinal);
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
