using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Storage;
using Pipeline.Web;
using Pipeline.Core.Returns;

namespace Pipeline.Testing;

/// <summary>
/// The application as the function app and the CLI compose it (<see cref="ServiceCollectionExtensions.AddPipeline"/>),
/// pointed at Azurite with containers and tables of its own, a fixed clock, and optional request policies.
/// </summary>
public sealed class PipelineHarness : IDisposable
{
    /// <summary>The day the tests run "on": every sample quarter has ended by then.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    /// <summary>
    /// Days far behind and far ahead of any real date the suite runs on (the first still after every quarter the tests
    /// send), for the tests that compare ages: they pass on each, so they cannot depend on the day they run.
    /// </summary>
    public static IEnumerable<object[]> FarFromToday =>
    [
        [new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero)],
        [new DateTimeOffset(2099, 6, 1, 9, 0, 0, TimeSpan.Zero)],
    ];

    private PipelineHarness(AzuriteFixture azurite, IReadOnlyDictionary<string, string?> settings, HttpPipelinePolicy[] policies, DateTimeOffset? today = null)
    {
        Settings = settings;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Clock = new FakeTimeProvider(today ?? Today);
        var services = new ServiceCollection();
        services.AddSingleton(Configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(azurite.CreateBlobServiceClient(policies));
        services.AddSingleton(azurite.CreateTableServiceClient(policies));
        services.AddPipeline(Configuration).AddPipelineWeb();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Blobs = azurite.CreateBlobServiceClient();
        Tables = azurite.CreateTableServiceClient();
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public IConfiguration Configuration { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _provider;

    /// <summary>Clients without the test's policies, for inspecting storage.</summary>
    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    public BlobContainerClient Uploads => Blobs.GetBlobContainerClient(Settings["UploadsContainer"]);

    public BlobContainerClient Accepted => Blobs.GetBlobContainerClient(Settings["Pipeline:Storage:AcceptedContainer"]);

    public BlobContainerClient Rejected => Blobs.GetBlobContainerClient(Settings["Pipeline:Storage:RejectedContainer"]);

    public BlobContainerClient Documents => Blobs.GetBlobContainerClient(Settings["Pipeline:Storage:DocumentsContainer"]);

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Settings naming fresh containers and tables on <paramref name="azurite"/>, plus any <paramref name="extra"/> ones.</summary>
    public static Dictionary<string, string?> NewSettings(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["UploadsContainer"] = AzuriteFixture.UniqueName("uploads"),
            ["Pipeline:Storage:AcceptedContainer"] = AzuriteFixture.UniqueName("accepted"),
            ["Pipeline:Storage:RejectedContainer"] = AzuriteFixture.UniqueName("rejected"),
            ["Pipeline:Storage:DocumentsContainer"] = AzuriteFixture.UniqueName("documents"),
            ["Pipeline:Storage:AcceptedQuartersTable"] = AzuriteFixture.UniqueName("quarters"),
            ["Pipeline:Storage:LedgerTable"] = AzuriteFixture.UniqueName("ledger"),
            ["Pipeline:Storage:ComparisonsTable"] = AzuriteFixture.UniqueName("comparisons"),
            ["Pipeline:Storage:ReleasesTable"] = AzuriteFixture.UniqueName("releases"),

            // As the function app is deployed: App Service Authentication on, so X-MS-CLIENT-PRINCIPAL is the platform's.
            ["WEBSITE_AUTH_ENABLED"] = "true",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static PipelineHarness Create(AzuriteFixture azurite, params HttpPipelinePolicy[] policies) =>
        new(azurite, NewSettings(azurite), policies);

    /// <summary>A second application instance over the same storage (another function instance, or the CLI).</summary>
    public static PipelineHarness Over(AzuriteFixture azurite, IReadOnlyDictionary<string, string?> settings, params HttpPipelinePolicy[] policies) =>
        new(azurite, settings, policies);

    /// <summary>Like <see cref="Over(AzuriteFixture, IReadOnlyDictionary{string, string?}, HttpPipelinePolicy[])"/>, its clock starting at <paramref name="today"/>.</summary>
    public static PipelineHarness Over(AzuriteFixture azurite, IReadOnlyDictionary<string, string?> settings, DateTimeOffset today, params HttpPipelinePolicy[] policies) =>
        new(azurite, settings, policies, today);

    public async Task UploadAsync(string name, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        await Uploads.CreateIfNotExistsAsync();
        await Uploads.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true);
    }

    /// <summary>Uploads and processes every return in the repository's samples/ folder, as a partner's drops would be.</summary>
    public async Task IngestSamplesAsync()
    {
        var processor = Get<Core.Ingestion.UploadProcessor>();
        foreach (var path in Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal))
        {
            var name = "samples/" + System.IO.Path.GetFileName(path);
            await UploadAsync(name, await File.ReadAllBytesAsync(path));
            var outcome = await processor.ProcessAsync(name);
            if (outcome?.Status != UploadStatus.Accepted)
            {
                throw new InvalidOperationException($"Sample {name} was not accepted: {outcome?.Status}");
            }
        }
    }

    /// <summary>
    /// Uploads and processes the samples of <paramref name="dataset"/> (its folder under samples/), each as
    /// <c>&lt;dataset&gt;/samples-&lt;file&gt;</c>, as that dataset's partner would drop them.
    /// </summary>
    public async Task IngestDatasetSamplesAsync(string dataset)
    {
        var processor = Get<Core.Ingestion.UploadProcessor>();
        foreach (var path in Directory.GetFiles(RepositoryRoot.Combine("samples", dataset), "*.csv").Order(StringComparer.Ordinal))
        {
            var name = $"{dataset}/samples-{System.IO.Path.GetFileName(path)}";
            await UploadAsync(name, await File.ReadAllBytesAsync(path));
            if ((await processor.ProcessAsync(name))?.Status != UploadStatus.Accepted)
            {
                throw new InvalidOperationException($"Sample {name} was not accepted.");
            }
        }
    }

    public async Task<List<string>> ListAsync(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var names = new List<string>();
        if (!await container.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public async Task<byte[]> ReadAsync(BlobContainerClient container, string name)
    {
        ArgumentNullException.ThrowIfNull(container);
        var content = await container.GetBlobClient(name).DownloadContentAsync();
        return content.Value.Content.ToArray();
    }

    public void Dispose() => _provider.Dispose();
}
