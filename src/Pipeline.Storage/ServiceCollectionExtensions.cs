using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core;
using Pipeline.Core.Ports;
using Pipeline.Core.Releases;

namespace Pipeline.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers everything Pipeline needs: <see cref="PipelineCoreRegistration.AddPipelineCore"/>, then <see cref="AddPipelineStorage"/>.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPipelineCore(configuration).AddPipelineStorage(configuration);

    /// <summary>
    /// The second step of composition: the storage options (validated on start), the clients (from
    /// <c>AzureWebJobsStorage</c>, unless registered before) and the adapters behind Core's ports.
    /// </summary>
    public static IServiceCollection AddPipelineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddPipelineStorageSettings();
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(o => o.UploadsContainer = configuration[StorageOptions.UploadsSetting] ?? o.UploadsContainer)
            .Validate(
                _ => configuration[$"{StorageOptions.SectionName}:UploadsContainer"] is null,
                $"The setting Pipeline__Storage__UploadsContainer is not read: set {StorageOptions.UploadsSetting}, which the blob trigger's path reads too.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(_ => StorageClients.CreateBlobServiceClient(configuration));
        services.TryAddSingleton(_ => StorageClients.CreateTableServiceClient(configuration));
        services.TryAddSingleton<IUploadStore, BlobUploadStore>();
        services.TryAddSingleton<IAcceptedQuarterStore, TableAcceptedQuarterStore>();
        services.TryAddSingleton<IUploadLedger, TableUploadLedger>();
        services.TryAddSingleton<IComparisonStore, TableComparisonStore>();
        services.TryAddSingleton<IStorageFaults, StorageFaults>();
        services.TryAddSingleton<IReleaseCalendar, TableReleaseCalendar>();
        return services;
    }

    /// <summary>
    /// Declares the <c>Pipeline:Storage</c> settings as known (not <c>UploadsContainer</c>, which is the flat setting), so the start-up check of <see cref="PipelineSettings"/>
    /// lets them pass; for compositions that check settings without using storage (the CLI's <c>validate</c>).
    /// </summary>
    public static IServiceCollection AddPipelineStorageSettings(this IServiceCollection services) =>
        services.Configure<PipelineSettings>(s => s.Known.AddRange(
            typeof(StorageOptions).GetProperties().Where(p => p.SetMethod?.IsPublic == true).Select(p => $"Storage:{p.Name}").Where(k => !s.Known.Contains(k, StringComparer.Ordinal))));
}
