using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Cli.Tests;

/// <summary>The CLI used as a careless or hostile partner, and a flaky cloud, would use it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileCliTests(AzuriteFixture azurite) : IDisposable
{
    private const string LeasedNotice =
        "Still waiting in uploads: another client holds a lease on the blob, so it could not be removed. It is removed by the next run after the lease is released or broken.";

    private readonly ScratchFolder scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task Validate_calls_a_return_for_9999_Q4_a_future_quarter_instead_of_crashing()
    {
        var path = scratch.Write("9999-Q4.csv", Encoding.UTF8.GetString(ReturnFiles.Valid("9999-Q4")));

        var run = await CliRun.RunAsync(["validate", path]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{path}: INVALID (1 error)", run.StdoutLines[0]);
        Assert.StartsWith("  error   quarter: future-quarter: The rows are for 9999-Q4, which has not ended yet (it runs until 31 December 9999).", run.StdoutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_rejects_a_9999_Q4_return_and_goes_on_with_the_others()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var app = PipelineHarness.Over(azurite, settings);
        await app.UploadAsync("a/9999-Q4.csv", ReturnFiles.Valid("9999-Q4"));
        await app.UploadAsync("b/2024-Q1.csv", ReturnFiles.Valid("2024-Q1"));

        var run = await CliRun.RunAsync(["process"], settings);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("a/9999-Q4.csv: rejected, INVALID (1 error)", run.StdoutLines);
        Assert.Contains("b/2024-Q1.csv: accepted, valid (2024-Q1, 7 rows)", run.StdoutLines);
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task Validate_dash_reads_standard_input_under_the_name_given()
    {
        var bytes = ReturnFiles.Valid("2024-Q3");

        var unnamed = await CliRun.RunAsync(["validate", "-"], input: () => new UnseekableStream(bytes));
        var named = await CliRun.RunAsync(["validate", "-", "--name", "returns/2024-Q2.csv", "--json"], input: () => new UnseekableStream(bytes));

        Assert.Equal((0, "stdin.csv: valid (2024-Q3, 7 rows)"), (unnamed.ExitCode, unnamed.Stdout.Trim()));
        Assert.Equal(1, named.ExitCode);
        using var json = JsonDocument.Parse(named.Stdout);
        var report = json.RootElement[0];
        Assert.Equal("returns/2024-Q2.csv", report.GetProperty("file").GetString());
        Assert.Equal("quarter-name-mismatch", report.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), report.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Validate_reads_a_named_pipe_as_a_stream()
    {
        var fifo = Path.Combine(scratch.Path, "2024-Q3.csv");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var writer = Task.Run(() => File.WriteAllBytes(fifo, ReturnFiles.Valid("2024-Q3")));
        var run = await CliRun.RunAsync(["validate", fifo]);
        await writer;

        Assert.Equal((0, $"{fifo}: valid (2024-Q3, 7 rows)", ""), (run.ExitCode, run.Stdout.Trim(), run.Stderr));
    }

    [Fact]
    public async Task Validate_of_a_pipe_over_the_size_limit_is_file_too_large()
    {
        var settings = new Dictionary<string, string?> { ["Pipeline:Validation:MaxFileBytes"] = "100" };

        var run = await CliRun.RunAsync(["validate", "-", "--json"], settings, input: () => new UnseekableStream(ReturnFiles.Valid("2024-Q3")));

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("file-too-large", json.RootElement[0].GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_file_of_100000_blank_lines_is_one_complete_error()
    {
        var path = scratch.Write("2024-Q3.csv", new string('\n', 100_000));

        var run = await CliRun.RunAsync(["validate", path]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, run.StdoutLines.Length);
        Assert.Equal($"{path}: INVALID (1 error)", run.StdoutLines[0]);
        Assert.StartsWith("  error   empty-file: The file has no header row (it is empty or blank).", run.StdoutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_never_overwrites_an_upload_still_waiting()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var app = PipelineHarness.Over(azurite, settings);
        var waiting = ReturnFiles.Valid("2024-Q3", offencesBase: 300);
        await app.UploadAsync("2024-Q3.csv", waiting);
        var path = scratch.Write("2024-Q3.csv", Encoding.UTF8.GetString(ReturnFiles.Valid("2024-Q3")));

        var run = await CliRun.RunAsync(["ingest", path], settings);

        Assert.Equal((2, ""), (run.ExitCode, run.Stdout));
        Assert.StartsWith($"{path}: not uploaded: '2024-Q3.csv' is still waiting in uploads", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(waiting, await app.ReadAsync(app.Uploads, "2024-Q3.csv"));
    }

    [Fact]
    public async Task Parallel_ingests_of_different_files_under_one_name_each_report_their_own_bytes_and_lose_none()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        var files = Enumerable.Range(0, 20).Select(i =>
        {
            Directory.CreateDirectory(Path.Combine(scratch.Path, $"p{i}"));
            return scratch.Write(Path.Combine($"p{i}", "2024-Q3.csv"), Encoding.UTF8.GetString(ReturnFiles.Valid("2024-Q3", offencesBase: 100 + i)));
        }).ToArray();

        var runs = await Task.WhenAll(files.Select(f => Task.Run(() => CliRun.RunAsync(["ingest", f, "--json"], settings))));

        using var app = PipelineHarness.Over(azurite, settings);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in await app.ListAsync(app.Accepted))
        {
            kept.Add(Convert.ToHexStringLower(SHA256.HashData(await app.ReadAsync(app.Accepted, name))));
        }

        for (var i = 0; i < files.Length; i++)
        {
            var own = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(files[i])));
            if (runs[i].ExitCode == 0)
            {
                using var json = JsonDocument.Parse(runs[i].Stdout);
                Assert.Equal(own, json.RootElement[0].GetProperty("sha256").GetString());
                Assert.Contains(own, kept);
            }
            else
            {
                Assert.Equal(2, runs[i].ExitCode);
                Assert.Contains("is still waiting in uploads", runs[i].Stderr, StringComparison.Ordinal);
                Assert.DoesNotContain(own, kept);
            }
        }

        Assert.Contains(runs, r => r.ExitCode == 0);
        Assert.Empty(await app.ListAsync(app.Uploads));
        Assert.Equal(runs.Count(r => r.ExitCode == 0), (await app.Get<IUploadLedger>().ListAsync()).Count);
    }

    [Fact]
    public async Task Ingest_reports_the_outcome_of_its_upload_when_another_run_processed_it_first()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var app = PipelineHarness.Over(azurite, settings);
        var bytes = ReturnFiles.Valid("2024-Q3");
        using var content = new MemoryStream(bytes);
        var version = await app.Get<IUploadStore>().TryCreateAsync("2024-Q3.csv", content);
        await app.Get<UploadProcessor>().ProcessAsync("2024-Q3.csv"); // the function app's run

        var found = await app.Get<UploadProcessor>().FindOutcomeAsync("2024-Q3.csv", version!);

        Assert.Equal((UploadStatus.Accepted, "2024-Q3.csv", version), (found!.Status, found.StoredAs, found.Version));
    }

    [Fact]
    public async Task Process_json_prints_the_outcomes_it_has_and_names_the_upload_it_could_not_process()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var app = PipelineHarness.Over(azurite, settings);
        await app.UploadAsync("2024-Q1.csv", ReturnFiles.Valid("2024-Q1"));
        await azurite.RawBlob(app.Uploads.Name, "..%2Fback.csv").UploadAsync(new BinaryData(ReturnFiles.Valid("2024-Q2")));

        var run = await CliRun.RunAsync(["process", "--json"], settings);

        Assert.Equal(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["2024-Q1.csv"], json.RootElement.EnumerateArray().Select(o => o.GetProperty("file").GetString()));
        Assert.StartsWith("../back.csv: not processed: The blob name '../back.csv' cannot be processed:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leased_upload_is_named_in_the_output_and_exits_2()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var app = PipelineHarness.Over(azurite, settings);
        await app.UploadAsync("2024-Q1.csv", ReturnFiles.Valid("2024-Q1"));
        await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(app.Uploads.GetBlobClient("2024-Q1.csv")).AcquireAsync(TimeSpan.FromSeconds(-1));

        var run = await CliRun.RunAsync(["process"], settings);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("  note: Still waiting in uploads: another client holds a lease on the blob", StringComparison.Ordinal));
        Assert.Equal($"2024-Q1.csv: {LeasedNotice}{Environment.NewLine}", run.Stderr); // exit code 2 always says why on stderr
    }

    [Fact]
    public async Task A_leased_rejected_upload_is_kept_and_its_exit_code_2_is_explained_on_stderr_under_json_too()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var app = PipelineHarness.Over(azurite, settings);
        await app.UploadAsync("sq.csv", ReturnFiles.KnifeExceedsOffences("2024-Q3"));
        await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(app.Uploads.GetBlobClient("sq.csv")).AcquireAsync(TimeSpan.FromSeconds(-1));

        var run = await CliRun.RunAsync(["process", "--json"], settings);

        Assert.Equal((2, $"sq.csv: {LeasedNotice}{Environment.NewLine}"), (run.ExitCode, run.Stderr));
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(("rejected", LeasedNotice), (json.RootElement[0].GetProperty("status").GetString(), json.RootElement[0].GetProperty("notice").GetString()));
        Assert.Equal(["sq.csv", "sq.csv.report.json"], (await app.ListAsync(app.Rejected)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_rejected_correction_whose_hashed_name_another_client_took_is_kept_under_the_next_name_and_exits_1()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        using var app = PipelineHarness.Over(azurite, settings);
        await app.UploadAsync("sq.csv", ReturnFiles.KnifeExceedsOffences("2024-Q3"));
        Assert.Equal(1, (await CliRun.RunAsync(["process"], settings)).ExitCode);
        var next = ReturnFiles.ValidBuilder("2024-Q3").WithCell("E08000028", "offences", "1O3").BuildBytes();
        var tag = Convert.ToHexStringLower(SHA256.HashData(next))[..12];
        await app.Rejected.GetBlobClient($"sq.{tag}.csv").UploadAsync(BinaryData.FromString("another client's file"));
        await app.UploadAsync("sq.csv", next);

        var run = await CliRun.RunAsync(["process"], settings);

        Assert.Equal((1, ""), (run.ExitCode, run.Stderr));
        Assert.Contains($"  kept as {app.Rejected.Name}/sq.{tag}-2.csv with {app.Rejected.Name}/sq.{tag}-2.csv.report.json", run.StdoutLines);
        Assert.Equal("another client's file", Encoding.UTF8.GetString(await app.ReadAsync(app.Rejected, $"sq.{tag}.csv")));
        Assert.Equal(next, await app.ReadAsync(app.Rejected, $"sq.{tag}-2.csv"));
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task A_storage_endpoint_that_never_answers_fails_within_seconds_and_says_it_retries()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var accepted = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                accepted.Add(await listener.AcceptTcpClientAsync(stop.Token)); // accept, never answer
            }
        });
        var silent = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + azurite.ConnectionString.Split("AccountKey=")[1].Split(';')[0] +
            $";BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

        var timer = Stopwatch.StartNew();
        var run = await CliRun.RunAsync(["summary", "--connection", silent]);
        timer.Stop();
        await stop.CancelAsync();
        listener.Stop();
        await Assert.ThrowsAnyAsync<Exception>(() => accepting);
        accepted.ForEach(c => c.Dispose());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Storage at http://127.0.0.1:{port} failed to answer (no connection, a timeout or a server error); trying again (1 of 1)...", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Storage failed: ", run.Stderr, StringComparison.Ordinal);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(20), $"took {timer.Elapsed}"); // the SDK's defaults took 407 s
    }

    [Fact]
    public async Task Storage_comes_from_the_connection_option_when_AzureWebJobsStorage_is_absent()
    {
        var settings = PipelineHarness.NewSettings(azurite);
        var connection = settings["AzureWebJobsStorage"]!;
        settings.Remove("AzureWebJobsStorage");
        var path = scratch.Write("2024-Q1.csv", Encoding.UTF8.GetString(ReturnFiles.Valid("2024-Q1")));

        var run = await CliRun.RunAsync(["ingest", path, "--connection", connection], settings);

        Assert.Equal(0, run.ExitCode);
        using var app = PipelineHarness.Over(azurite, PipelineHarness.NewSettings(azurite, settings));
        Assert.Equal(["2024-Q1.csv"], await app.ListAsync(app.Accepted));
    }

    [Fact]
    public void Storage_is_Azurite_on_its_default_ports_when_nothing_is_configured()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, new ConfigurationBuilder().Build(), new FakeTimeProvider());

        using var services = context.Services(connection: null);

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", services.GetRequiredService<BlobServiceClient>().Uri.AbsoluteUri.TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().Uri.AbsoluteUri.TrimEnd('/'));
    }

    [Fact]
    public void The_AzureWebJobsStorage_setting_is_used_even_with_a_connection_option()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", azurite.ConnectionString)]).Build();
        var context = new CliContext(TextWriter.Null, TextWriter.Null, configuration, new FakeTimeProvider());

        using var services = context.Services(connection: "UseDevelopmentStorage=true");

        Assert.Equal($"http://127.0.0.1:{azurite.BlobPort}/devstoreaccount1", services.GetRequiredService<BlobServiceClient>().Uri.AbsoluteUri.TrimEnd('/'));
    }

    /// <summary>A pipe's view of some bytes: readable once, no length, no seeking.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException("A pipe has no length.");

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
