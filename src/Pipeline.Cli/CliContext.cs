using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Core;
using Pipeline.Core.Datasets;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>What every command shares: the output writers, configuration (environment variables) and the clock.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IConfiguration configuration, TimeProvider timeProvider, Func<Stream>? input = null)
{
    /// <summary>Policies added to the table client (the tests add one that enforces Azure's entity and batch limits).</summary>
    public IReadOnlyList<HttpPipelinePolicy> TablePolicies { get; init; } = [];

    /// <summary>
    /// Policies added to the blob client (the tests enforce Azure's blob limits with one, and take storage away in the
    /// middle of a run with another).
    /// </summary>
    public IReadOnlyList<HttpPipelinePolicy> BlobPolicies { get; init; } = [];

    /// <summary>Standard input, for <c>validate -</c>; opened only when asked for.</summary>
    public Stream OpenInput() => (input ?? Console.OpenStandardInput)();

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>
    /// The application wired to storage exactly as the function app wires it. Storage comes from the
    /// <c>AzureWebJobsStorage</c> setting (environment: a connection string, or <c>AzureWebJobsStorage__accountName</c>
    /// and friends for an Entra ID login), else <paramref name="connection"/> (<c>--connection</c>), else Azurite's
    /// defaults (<c>UseDevelopmentStorage=true</c>), in that order, as the contract's section 6 says.
    /// </summary>
    public ServiceProvider Services(string? connection)
    {
        var services = new ServiceCollection();
        try
        {
            AddServices(services, connection);
            var provider = services.BuildServiceProvider();
            _ = provider.GetRequiredService<IOptions<StorageOptions>>().Value; // Settings are checked here, not half way through a job.
            Check(provider);
            return provider;
        }
        catch (Exception e) when (e is OptionsValidationException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new CliEnvironmentException($"Storage is not usable: {e.Message}");
        }
    }

    /// <summary>Registers the application with the CLI's storage clients (see <see cref="Services"/>) into <paramref name="services"/>.</summary>
    public void AddServices(IServiceCollection services, string? connection)
    {
        var fromEnvironment = configuration.GetSection(StorageClients.SettingName);
        var configured = !string.IsNullOrWhiteSpace(fromEnvironment.Value) || fromEnvironment.GetChildren().Any();
        var storage = new ConfigurationBuilder().AddConfiguration(configuration);
        if (!configured)
        {
            storage.AddInMemoryCollection([new(StorageClients.SettingName, string.IsNullOrWhiteSpace(connection) ? "UseDevelopmentStorage=true" : connection)]);
        }

        var settings = storage.Build();
        services.AddLogging();
        services.AddSingleton(TimeProvider);

        // Registered before AddPipeline, whose clients are only the fallback: these give up within about ten seconds.
        var notice = new RetryNotice(Error);
        var blobOptions = new BlobClientOptions();
        RetryNotice.Configure(blobOptions.Retry);
        blobOptions.AddPolicy(notice, HttpPipelinePosition.PerRetry);
        var tableOptions = new TableClientOptions();
        RetryNotice.Configure(tableOptions.Retry);
        tableOptions.AddPolicy(notice, HttpPipelinePosition.PerRetry);
        foreach (var policy in TablePolicies)
        {
            tableOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        foreach (var policy in BlobPolicies)
        {
            blobOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        services.AddSingleton(StorageClients.CreateBlobServiceClient(settings, blobOptions));
        services.AddSingleton(StorageClients.CreateTableServiceClient(settings, tableOptions));
        services.AddPipeline(settings);
    }

    /// <summary>
    /// The application without storage (options, datasets, validators), composed as the function app composes it and
    /// checked as the host checks it on start: what <c>validate</c> needs, offline.
    /// </summary>
    public ServiceProvider CoreServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider);
        services.AddPipelineCore(configuration).AddPipelineStorageSettings();
        var provider = services.BuildServiceProvider();
        try
        {
            Check(provider);
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>Reads every option and the datasets now, so a bad setting is an environment error before any work.</summary>
    private static void Check(IServiceProvider provider)
    {
        if (PipelineCoreRegistration.SettingsProblem(provider) is { } problem)
        {
            throw new CliEnvironmentException(problem);
        }
    }

    /// <summary>The dataset <paramref name="id"/> names (exactly), or the default one when null; unknown is an environment error.</summary>
    public static DatasetDefinition Dataset(IServiceProvider services, string? id)
    {
        var registry = services.GetRequiredService<DatasetRegistry>();
        if (id is null)
        {
            return registry.Default;
        }

        return registry.TryGet(id, out var dataset)
            ? dataset
            : throw new CliEnvironmentException(registry.NoSuchDataset(id));
    }
}
