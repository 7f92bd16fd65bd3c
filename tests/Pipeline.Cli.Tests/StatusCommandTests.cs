using System.Security.Cryptography;
using System.Text.Json;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline status</c> against Azurite: what storage holds after the samples (and a broken file) are ingested.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatusCommandTests(AzuriteFixture azurite)
{
    private static string[] Samples => [.. Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal)];

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public async Task Status_lists_the_accepted_quarters_waiting_uploads_rejections_and_periods_of_the_samples()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var scratch = new ScratchFolder();
        var broken = scratch.Write("2024-Q2.csv", ReturnFiles.ValidBuilder("2024-Q2").WithCell("E08000028", "offences", "1O3").Build());
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", .. Samples], settings)).ExitCode);
        Assert.Equal(1, (await CliRun.RunAsync(["ingest", broken], settings)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(["recalc"], settings)).ExitCode);
        using (var app = PipelineHarness.Over(azurite, settings))
        {
            await app.UploadAsync("late/2025-Q1.csv", ReturnFiles.Valid("2025-Q1"));
            await app.UploadAsync("violence-admissions/2025-Q1.csv", ReturnFiles.Valid("2025-Q1")); // Another dataset's: not listed.
        }

        var run = await CliRun.RunAsync(["status"], settings);

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        var sha = Sha256Of(Samples[0]);
        string[] expected =
        [
            "Serious youth violence (serious-youth-violence): what storage holds now",
            "",
            "Accepted quarters: 8",
            "  quarter  file         sha256" + new string(' ', 60) + "revision  accepted at" + new string(' ', 14) + "  sent by",
            .. Samples.Select(s => $"  {Path.GetFileNameWithoutExtension(s)}  {Path.GetFileName(s)}  {Sha256Of(s)}  1         2026-11-26T02:00:00+00:00  cli"),
            "",
            "Waiting in uploads: 1",
            "  late/2025-Q1.csv",
            "",
            "Recent rejections: 1, latest first",
            "  2024-Q2.csv (2024-Q2): 1 error, sent by cli, rejected at 2026-11-26T02:00:00+00:00, kept as 2024-Q2.csv",
            "    row 5, offences: type-error: Row 5, column offences: '1O3' is not a whole number. Use digits only, e.g. 12.",
            "",
            "Periods that can be summarised:",
            "  calendar   2024 (complete, the default)",
            "  financial  2023/24 (year-to-date), 2024/25 (year-to-date, the default)",
            "  rolling    2024-Q4 (complete, the default)",
        ];
        Assert.Equal(64, sha.Length);
        Assert.Equal(expected, run.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Status_json_is_one_object_with_revision_1_and_the_first_errors()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var scratch = new ScratchFolder();
        var broken = scratch.Write("2024-Q2.csv", System.Text.Encoding.UTF8.GetString(ReturnFiles.KnifeExceedsOffences("2024-Q2")));
        await CliRun.RunAsync(["ingest", Samples[0], broken], settings);

        var run = await CliRun.RunAsync(["status", "--json"], settings);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(["dataset", "title", "quarters", "waiting", "rejections", "bases"], root.EnumerateObject().Select(p => p.Name));
        var quarter = root.GetProperty("quarters").EnumerateArray().Single();
        Assert.Equal(["quarter", "file", "sha256", "revision", "acceptedAt", "sentBy"], quarter.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2023-Q1", 1, Sha256Of(Samples[0])), (quarter.GetProperty("quarter").GetString(), quarter.GetProperty("revision").GetInt32(), quarter.GetProperty("sha256").GetString()));
        var rejection = root.GetProperty("rejections").EnumerateArray().Single();
        Assert.Equal(["file", "processedAt", "quarter", "errors", "storedAs", "sentBy", "firstErrors"], rejection.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("cli", "cli"), (quarter.GetProperty("sentBy").GetString(), rejection.GetProperty("sentBy").GetString()));
        Assert.Equal("knife-exceeds-offences", rejection.GetProperty("firstErrors")[0].GetProperty("code").GetString());
        Assert.Equal(0, root.GetProperty("waiting").GetArrayLength());
        Assert.Equal(["calendar", "financial", "rolling"], root.GetProperty("bases").EnumerateArray().Select(b => b.GetProperty("basis").GetString()));
        Assert.All(root.GetProperty("bases").EnumerateArray(), b => Assert.Equal(0, b.GetProperty("periods").GetArrayLength()));
    }

    [Fact]
    public async Task Status_of_empty_storage_says_none_everywhere_and_of_an_unknown_dataset_exits_2()
    {
        var settings = PipelineHarness.NewSettings(azurite);

        var run = await CliRun.RunAsync(["status", "--dataset", "violence-admissions"], settings);
        var unknown = await CliRun.RunAsync(["status", "--dataset", "nope"], settings);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "Hospital admissions for assault (violence-admissions): what storage holds now", "",
                "Accepted quarters: none", "",
                "Waiting in uploads: none", "",
                "Recent rejections: none", "",
                "Periods that can be summarised:",
                "  calendar   none yet",
                "  financial  none yet",
                "  rolling    none yet",
            ],
            run.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("There is no dataset 'nope'.", unknown.Stderr, StringComparison.Ordinal);
    }
}
