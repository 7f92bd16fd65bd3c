using System.Text;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline summary --format table</c> and <c>pipeline revisions</c> of a dataset with a disclosure rule show what the public sees.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DisclosureCommandTests(AzuriteFixture azurite)
{
    private static string[] AdmissionSamples => [.. Directory.GetFiles(RepositoryRoot.Combine("samples", "violence-admissions"), "*.csv").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_table_and_the_revisions_show_the_symbol_and_rounded_counts()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", "--dataset", "violence-admissions", .. AdmissionSamples], settings)).ExitCode);
        // Solihull's 2024-Q4 sharp-object admissions corrected from 1 to 2: the total 48 becomes 49, both published as 50.
        var fixedFile = Path.Combine(Directory.CreateTempSubdirectory("pipeline-disclosure-").FullName, "2024-Q4.csv");
        var sample = await File.ReadAllTextAsync(AdmissionSamples[^1]);
        await File.WriteAllTextAsync(fixedFile, sample.Replace("2024-Q4,E08000029,Solihull,14,1", "2024-Q4,E08000029,Solihull,14,2", StringComparison.Ordinal), Encoding.UTF8);
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", "--dataset", "violence-admissions", fixedFile], settings)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(["recalc"], settings)).ExitCode);

        var table = await CliRun.RunAsync(["summary", "--dataset", "violence-admissions", "--format", "table"], settings);
        var revisions = await CliRun.RunAsync(["revisions", "--dataset", "violence-admissions"], settings);

        Assert.Equal((0, ""), (table.ExitCode, table.Stderr));
        var lines = table.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Coventry", StringComparison.Ordinal) && l.Contains("[c] -> [c]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Total", StringComparison.Ordinal) && l.Contains("235 -> 195", StringComparison.Ordinal));
        Assert.Equal(0, revisions.ExitCode);
        Assert.Contains("  Sharp object admissions          50 ->         50\n", revisions.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("9,223,372,036,854,775,808", table.Stdout + revisions.Stdout, StringComparison.Ordinal);
    }
}
