using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Xunit;

namespace Pipeline.Testing;

/// <summary>
/// Starts the Azurite pinned in package-lock.json (node_modules, installed by scripts/test.sh) on free ports with
/// in-memory persistence, once per test collection, and stops it afterwards. Tests get their own containers and tables
/// through <see cref="UniqueName"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key (published in its documentation; not a secret).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private Process? _process;
    private string? _workDirectory;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public async Task InitializeAsync()
    {
        var script = RepositoryRoot.Combine("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}. Run 'npm ci' (scripts/test.sh does).");
        }

        _workDirectory = Directory.CreateTempSubdirectory("pipeline-azurite-").FullName;
        (BlobPort, QueuePort, TablePort) = (FreePort(), FreePort(), FreePort());

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     script, "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent",
                     "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (!await IsListeningAsync(port))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening: {Output}");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Azurite did not listen on port {port} within 60 s.");
                }

                await Task.Delay(100);
            }
        }
    }

    public Task DisposeAsync()
    {
        Stop();
        _process?.Dispose();
        if (_workDirectory is not null)
        {
            try
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Kills Azurite now, as storage going away would: connections are refused from then on. For a test that starts its
    /// own instance; <see cref="DisposeAsync"/> still cleans up after it.
    /// </summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>A fresh, valid container or table name (lower-case letters and digits, starting with a letter).</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public BlobServiceClient CreateBlobServiceClient(params HttpPipelinePolicy[] policies)
    {
        var options = new BlobClientOptions();
        foreach (var policy in policies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        // Azurite takes blob names longer than Azure does; every blob client of the tests enforces Azure's limits.
        options.AddPolicy(new BlobLimitsPolicy(), HttpPipelinePosition.PerCall);
        return new BlobServiceClient(ConnectionString, options);
    }

    /// <summary>
    /// A blob addressed by a URL path written out by hand (<c>..%2Fback.csv</c>), as another storage client could address
    /// it: the way to create blobs whose names the SDK itself would resolve to somewhere else.
    /// </summary>
    public BlobClient RawBlob(string container, string escapedName) =>
        new(new Uri($"http://127.0.0.1:{BlobPort}/{AccountName}/{container}/{escapedName}"), new Azure.Storage.StorageSharedKeyCredential(AccountName, AccountKey));

    public TableServiceClient CreateTableServiceClient(params HttpPipelinePolicy[] policies)
    {
        var options = new TableClientOptions();
        foreach (var policy in policies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        // Azurite is laxer than Azure about entity and batch sizes; every table client of the tests enforces Azure's.
        options.AddPolicy(new TableLimitsPolicy(), HttpPipelinePosition.PerCall);
        return new TableServiceClient(ConnectionString, options);
    }

    private string Output => string.Join(Environment.NewLine, _output);

    private void Remember(string? line)
    {
        if (line is not null && _output.Count < 200)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
