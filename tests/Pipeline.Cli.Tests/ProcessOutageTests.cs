using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Pipeline.Cli.Commands;

namespace Pipeline.Cli.Tests;

/// <summary>
/// Storage that goes away in the middle of <c>pipeline process</c>: the run stops at the upload it was on instead of
/// failing every other one in turn (240 waiting, stopped after 20, took 211 s), and says how many it left waiting. The
/// tests that take storage away start an Azurite of their own, outside the shared collection, because they kill it.
/// </summary>
public sealed class ProcessOutageTests
{
    private const int Waiting = 240;
    private const int ProcessedBeforeTheOutage = 20;

    private static readonly string[] Names = [.. Enumerable.Range(0, Waiting).Select(i => $"u{i:000}.csv")];

    [Fact]
    public async Task Process_stops_when_storage_goes_away_and_says_how_many_uploads_it_left_waiting()
    {
        var (run, outage, uploads, port) = await ProcessWhileStorageGoesAwayAsync(json: false);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            Names[..ProcessedBeforeTheOutage].Select(n => $"{n}: rejected, INVALID (1 error)"),
            run.StdoutLines.Where(l => !l.StartsWith(' ')));
        Assert.Equal(
            [
                $"Storage at http://127.0.0.1:{port} failed to answer (no connection, a timeout or a server error); trying again (1 of 1)...",
                $"Storage stopped answering while u020.csv was processed: Connection refused (127.0.0.1:{port})",
                "The run stopped there instead of trying the others: 220 uploads are left waiting in uploads, u020.csv and the 219 after it. Run 'pipeline process' again once storage answers.",
                StorageCommand.Hint,
            ],
            Lines(run.Stderr));

        // Stopped instead of trying the others: after storage went away, one request (the upload it was on, with its retry).
        Assert.Equal([$"GET devstoreaccount1/{uploads}/u020.csv"], outage.RequestsAfter);
    }

    [Fact]
    public async Task Process_json_still_prints_the_outcomes_reached_before_storage_went_away()
    {
        var (run, outage, uploads, _) = await ProcessWhileStorageGoesAwayAsync(json: true);

        Assert.Equal(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(Names[..ProcessedBeforeTheOutage], json.RootElement.EnumerateArray().Select(o => o.GetProperty("file").GetString()));
        Assert.Equal(
            "The run stopped there instead of trying the others: 220 uploads are left waiting in uploads, u020.csv and the 219 after it. Run 'pipeline process' again once storage answers.",
            Lines(run.Stderr)[2]);
        Assert.Equal([$"GET devstoreaccount1/{uploads}/u020.csv"], outage.RequestsAfter);
    }

    [Fact]
    public async Task Process_against_storage_that_is_not_there_says_nothing_was_processed()
    {
        var port = ClosedPort();
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};" +
                $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
        };

        var run = await CliRun.RunAsync(["process"], settings);

        Assert.Equal((2, ""), (run.ExitCode, run.Stdout));
        Assert.Equal(
            [
                $"Storage at http://127.0.0.1:{port} failed to answer (no connection, a timeout or a server error); trying again (1 of 1)...",
                $"Storage stopped answering while the uploads waiting were listed: Connection refused (127.0.0.1:{port})",
                "Nothing was processed. Run 'pipeline process' again once storage answers.",
                StorageCommand.Hint,
            ],
            Lines(run.Stderr));
    }

    /// <summary>
    /// 240 rejected returns waiting in uploads of an Azurite of the test's own; it is killed just before the 21st is
    /// opened, that is once 20 are processed.
    /// </summary>
    private static async Task<(CliRun Run, OutageInjector Outage, string Uploads, int BlobPort)> ProcessWhileStorageGoesAwayAsync(bool json)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var settings = PipelineHarness.NewSettings(azurite);
            var uploads = settings["UploadsContainer"]!;
            using (var app = PipelineHarness.Over(azurite, settings))
            {
                await app.Uploads.CreateAsync();
                var bytes = new BinaryData(ReturnFiles.KnifeExceedsOffences("2024-Q3"));
                await Task.WhenAll(Names.Select(n => app.Uploads.GetBlobClient(n).UploadAsync(bytes)));
            }

            var outage = new OutageInjector(OutageInjector.ReadingBlobIn(uploads), on: ProcessedBeforeTheOutage + 1, azurite.Stop);
            var run = await CliRun.RunAsync(json ? ["process", "--json"] : ["process"], settings, policies: [outage]);
            return (run, outage, uploads, azurite.BlobPort);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: nothing listens there
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
