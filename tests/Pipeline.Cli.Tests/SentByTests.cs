using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Cli.Commands;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Status;

namespace Pipeline.Cli.Tests;

/// <summary>
/// Who sent each file (<c>sentBy</c>, contract section 10) as the CLI and <c>pipeline serve</c> record and show it:
/// <c>cli</c> for ingest, <c>storage</c> for a file dropped into uploads (whatever metadata it carries), and the
/// sender of the app path that created an upload, whichever run processes it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SentByTests(AzuriteFixture azurite)
{
    private const string Time = "2026-11-26T02:00:00+00:00";

    [Fact]
    public async Task Process_and_status_name_cli_storage_and_the_sender_of_an_upload_the_app_created()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        var sample = RepositoryRoot.Combine("samples", "2023-Q1.csv");
        Assert.Equal(0, (await CliRun.RunAsync(["ingest", sample], settings)).ExitCode);
        var dropped = ReturnFiles.Valid("2024-Q3");
        var sent = ReturnFiles.Valid("2024-Q4");
        using (var app = PipelineHarness.Over(azurite, settings))
        {
            await app.UploadAsync("2024-Q3.csv", dropped);
            await app.Uploads.GetBlobClient("forged/2024-Q2.csv").UploadAsync(
                new BinaryData(ReturnFiles.KnifeExceedsOffences("2024-Q2")),
                new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["sentvia"] = "app", ["sentby"] = "operator" } });

            // As PUT /api/uploads stores a file before its own run processes it: here `process` gets there first.
            using var content = new MemoryStream(sent);
            Assert.NotNull(await app.Get<UploadProcessor>().TryCreateAsync("sent/2024-Q4.csv", content, "operator"));
        }

        var process = await CliRun.RunAsync(["process", "--json"], settings);
        var status = await CliRun.RunAsync(["status"], settings);
        var json = await CliRun.RunAsync(["status", "--json"], settings);

        Assert.Equal(1, process.ExitCode); // The forged file is rejected.
        using (var outcomes = JsonDocument.Parse(process.Stdout))
        {
            Assert.Equal(
                [("2024-Q3.csv", "accepted", "storage"), ("forged/2024-Q2.csv", "rejected", "storage"), ("sent/2024-Q4.csv", "accepted", "operator")],
                outcomes.RootElement.EnumerateArray().Select(o => (o.GetProperty("file").GetString(), o.GetProperty("status").GetString(), o.GetProperty("sentBy").GetString())));
        }

        Assert.Equal((0, ""), (status.ExitCode, status.Stderr));
        string[] accepted =
        [
            "Accepted quarters: 3",
            "  quarter  file" + new string(' ', 14) + "sha256" + new string(' ', 60) + "revision  accepted at" + new string(' ', 16) + "sent by",
            $"  2023-Q1  2023-Q1.csv       {Sha256Of(File.ReadAllBytes(sample))}  1         {Time}  cli",
            $"  2024-Q3  2024-Q3.csv       {Sha256Of(dropped)}  1         {Time}  storage",
            $"  2024-Q4  sent/2024-Q4.csv  {Sha256Of(sent)}  1         {Time}  operator",
        ];
        var lines = status.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(accepted, lines.SkipWhile(l => !l.StartsWith("Accepted quarters", StringComparison.Ordinal)).Take(accepted.Length));
        Assert.Contains($"  forged/2024-Q2.csv (2024-Q2): 1 error, sent by storage, rejected at {Time}, kept as forged/2024-Q2.csv", lines);

        using var report = JsonDocument.Parse(json.Stdout);
        Assert.Equal(["cli", "storage", "operator"], report.RootElement.GetProperty("quarters").EnumerateArray().Select(q => q.GetProperty("sentBy").GetString()));
        Assert.Equal(["storage"], report.RootElement.GetProperty("rejections").EnumerateArray().Select(r => r.GetProperty("sentBy").GetString()));
    }

    [Fact]
    public async Task A_put_and_the_partner_pages_send_record_their_sender_and_the_ledger_lists_it()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var context = new CliContext(TextWriter.Null, TextWriter.Null, configuration, new FakeTimeProvider(CliRun.Now))
        {
            TablePolicies = [new TableLimitsPolicy()],
            BlobPolicies = [new BlobLimitsPolicy()],
        };
        await using var server = ServeCommand.Build(context, "127.0.0.1", 0, connection: null);
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Urls.Single()) };

        using var put = await client.PutAsync(
            "/api/uploads/2024-Q3.csv", new ByteArrayContent(ReturnFiles.Valid("2024-Q3")) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });
        using var form = new MultipartFormDataContent
        {
            { new StringContent("serious-youth-violence"), "dataset" },
            { new StringContent("send"), "action" },
            { new ByteArrayContent(ReturnFiles.KnifeExceedsOffences("2024-Q2")) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "2024-Q2.csv" },
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, "/submit") { Content = form, Headers = { { "Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority) } } };
        using var page = await client.SendAsync(post);
        using var ledger = await client.GetAsync("/api/uploads");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (put.StatusCode, page.StatusCode));
        using (var outcome = JsonDocument.Parse(await put.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal("operator", outcome.RootElement.GetProperty("sentBy").GetString());
        }

        using var entries = JsonDocument.Parse(await ledger.Content.ReadAsByteArrayAsync());
        Assert.Equal(
            [("2024-Q2.csv", "rejected", "operator"), ("2024-Q3.csv", "accepted", "operator")],
            entries.RootElement.EnumerateArray()
                .Select(e => (e.GetProperty("file").GetString(), e.GetProperty("status").GetString(), e.GetProperty("sentBy").GetString()))
                .OrderBy(e => e.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Status_and_revisions_show_a_senders_hidden_characters_escaped_and_json_keeps_them()
    {
        const string sender = "mallory\u001b[2J\u202E@example.org";
        var report = new StatusReport(
            "serious-youth-violence",
            "Serious youth violence",
            [new StatusQuarter("2024-Q3", "2024-Q3.csv", new string('a', 64), 2, CliRun.Now, sender)],
            [],
            [new StatusRejection("2024-Q2.csv", CliRun.Now, "2024-Q2", 1, "2024-Q2.csv", sender, [])],
            [new StatusBasis("calendar", [])]);
        using var output = new StringWriter();

        await StatusListing.WriteAsync(output, report);
        var revisions = RevisionsCommand.Text(
            [new Core.Returns.QuarterRevision("serious-youth-violence", ReturnFiles.Q("2024-Q3"), 2, CliRun.Now, "2024-Q3.csv", new string('a', 64), sender, "old.csv", new string('b', 64), [1, 2, 3], [4, 5, 6])],
            Core.Datasets.DatasetRegistry.BuiltIn.Default);

        const string shown = "mallory\\u001B[2J\\u202E@example.org";
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Contains($"  2024-Q3  2024-Q3.csv  {new string('a', 64)}  2         {Time}  {shown}", lines);
        Assert.Contains($"  2024-Q2.csv (2024-Q2): 1 error, sent by {shown}, rejected at {Time}, kept as 2024-Q2.csv", lines);
        Assert.Contains($"  now      2024-Q3.csv (sha256 aaaaaaaaaaaa, sent by {shown})\n", revisions, StringComparison.Ordinal);
        foreach (var text in new[] { output.ToString(), revisions })
        {
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\u202E', text);
        }

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report, StatusJson.Default.StatusReport));
        Assert.Equal(sender, json.RootElement.GetProperty("quarters")[0].GetProperty("sentBy").GetString());
    }

    private static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
