using System.Security.Cryptography;
using System.Text.Json;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline revisions</c> against Azurite: the revision log for people and as the API's JSON.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RevisionsCommandTests(AzuriteFixture azurite)
{
    private static string[] Samples => [.. Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Revisions_says_there_are_none_until_a_correction_is_accepted_then_lists_it()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", .. Samples], settings)).ExitCode);

        var none = await CliRun.RunAsync(["revisions"], settings);
        Assert.Equal((0, "Serious youth violence (serious-youth-violence): no corrections accepted. Every quarter is at revision 1.\n", ""), (none.ExitCode, none.Stdout, none.Stderr));

        using var scratch = new ScratchFolder();
        var fix = scratch.Write("2024-Q4.csv", ReturnBuilder.ForQuarter("2024-Q4").WithCounts("E08000025", "Birmingham", 900, 40, 120).Build());
        var fixSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(fix)));
        var sampleSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepositoryRoot.Combine("samples", "2024-Q4.csv"))));
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", fix], settings, now: PipelineHarness.Today.AddDays(1))).ExitCode);

        var text = await CliRun.RunAsync(["revisions"], settings);
        Assert.Equal(
            [
                "Serious youth violence (serious-youth-violence): 1 correction, newest first",
                "2024-Q4 revision 2, accepted 2026-11-27T09:00:00+00:00",
                $"  now      2024-Q4.csv (sha256 {fixSha[..12]}, sent by cli)",
                $"  replaced 2024-Q4.csv (sha256 {sampleSha[..12]})",
                "  Offences                      1,523 ->      1,710 (+187)",
                "  Knife offences                   83 ->         91 (+8)",
                "  Positive outcomes               199 ->        213 (+14)",
            ],
            text.StdoutLines);

        var json = await CliRun.RunAsync(["revisions", "--json", "--dataset", "serious-youth-violence"], settings);
        ResponseSchemas.AssertValid("revisions.schema.json", System.Text.Encoding.UTF8.GetBytes(json.Stdout));
        using var log = JsonDocument.Parse(json.Stdout);
        var revision = Assert.Single(log.RootElement.EnumerateArray());
        Assert.Equal((fixSha, "cli"), (revision.GetProperty("sha256").GetString(), revision.GetProperty("sentBy").GetString()));

        var status = await CliRun.RunAsync(["status", "--json"], settings);
        using var report = JsonDocument.Parse(status.Stdout);
        Assert.Equal(
            [1, 1, 1, 1, 1, 1, 1, 2],
            report.RootElement.GetProperty("quarters").EnumerateArray().Select(q => q.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task Revisions_of_an_unknown_dataset_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(["revisions", "--dataset", "nope"], PipelineHarness.NewSettings(azurite));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope", run.Stderr, StringComparison.Ordinal);
    }
}
