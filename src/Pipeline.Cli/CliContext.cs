using System.ComponentModel.DataAnnotations;
using DataAnnotationsResult = System.ComponentModel.DataAnnotations.ValidationResult;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Storage;
using Pipeline.Core.Validation;

namespace Pipeline.Cli;

/// <summary>What every command shares: the output writers, configuration (environment variables) and the clock.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IConfiguration configuration, TimeProvider timeProvider, Func<Stream>? input = null)
{
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
        var fromEnvironment = configuration.GetSection(StorageClients.SettingName);
        var configured = !string.IsNullOrWhiteSpace(fromEnvironment.Value) || fromEnvironment.GetChildren().Any();
        var storage = new ConfigurationBuilder().AddConfiguration(configuration);
        if (!configured)
        {
            storage.AddInMemoryCollection([new(StorageClients.SettingName, string.IsNullOrWhiteSpace(connection) ? "UseDevelopmentStorage=true" : connection)]);
        }

        var settings = storage.Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider);
        try
        {
            // Registered before AddPipeline, whose clients are only the fallback: these give up within about ten seconds.
            var notice = new RetryNotice(Error);
            var blobOptions = new BlobClientOptions();
            RetryNotice.Configure(blobOptions.Retry);
            blobOptions.AddPolicy(notice, HttpPipelinePosition.PerRetry);
            var tableOptions = new TableClientOptions();
            RetryNotice.Configure(tableOptions.Retry);
            tableOptions.AddPolicy(notice, HttpPipelinePosition.PerRetry);
            services.AddSingleton(StorageClients.CreateBlobServiceClient(settings, blobOptions));
            services.AddSingleton(StorageClients.CreateTableServiceClient(settings, tableOptions));

            services.AddPipeline(settings);
            var provider = services.BuildServiceProvider();
            _ = provider.GetRequiredService<IOptions<StorageOptions>>().Value; // Settings are checked here, not half way through a job.
            return provider;
        }
        catch (Exception e) when (e is OptionsValidationException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new CliEnvironmentException($"Storage is not usable: {e.Message}");
        }
    }

    /// <summary>
    /// The defaults, overridden by configuration (<c>Pipeline__Validation__MaxErrors</c> and so on), checked as the
    /// Functions host checks them on start.
    /// </summary>
    public ValidationOptions ValidationOptions()
    {
        ValidationOptions options;
        try
        {
            options = configuration.GetSection(Core.Validation.ValidationOptions.SectionName).Get<ValidationOptions>() ?? new ValidationOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new CliEnvironmentException($"The validation settings ({Core.Validation.ValidationOptions.SectionName}) cannot be read: {e.Message}");
        }

        var problems = new List<DataAnnotationsResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new CliEnvironmentException(
                $"The validation settings ({Core.Validation.ValidationOptions.SectionName}) are invalid: {string.Join(" ", problems.Select(p => p.ErrorMessage))}");
        }

        return options;
    }
}
