using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Summaries;
using Pipeline.Core.Validation;

namespace Pipeline.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers everything Pipeline needs: options (validated on start), storage clients, adapters and services.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ValidationOptions>().Bind(configuration.GetSection(ValidationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => StorageClients.CreateBlobServiceClient(configuration));
        services.TryAddSingleton(_ => StorageClients.CreateTableServiceClient(configuration));

        services.TryAddSingleton(sp => new ReturnValidator(sp.GetRequiredService<IOptions<ValidationOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IUploadStore, BlobUploadStore>();
        services.TryAddSingleton<IAcceptedQuarterStore, TableAcceptedQuarterStore>();
        services.TryAddSingleton<IUploadLedger, TableUploadLedger>();
        services.TryAddSingleton<IComparisonStore, TableComparisonStore>();
        services.TryAddSingleton<UploadProcessor>();
        services.TryAddSingleton(sp => new RecalculationService(
            sp.GetRequiredService<IAcceptedQuarterStore>(),
            sp.GetRequiredService<IComparisonStore>(),
            sp.GetRequiredService<IOptions<ValidationOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RecalculationService>>()));
        services.TryAddSingleton(sp => new SummaryService(
            sp.GetRequiredService<IComparisonStore>(),
            sp.GetRequiredService<IOptions<SummaryOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
