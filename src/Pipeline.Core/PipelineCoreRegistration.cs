using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Publication;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Releases;
using Pipeline.Core.Revisions;
using Pipeline.Core.Series;
using Pipeline.Core.Status;
using Pipeline.Core.Summaries;
using Pipeline.Core.Validation;
using Pipeline.Core.Workbooks;

namespace Pipeline.Core;

/// <summary>The first step of composition: options, datasets and the application services, with no storage.</summary>
public static class PipelineCoreRegistration
{
    /// <summary>
    /// Registers the options (bound once, validated on start), the dataset registry (read and checked on start), the
    /// validators and the application services. The services that need storage resolve once the storage adapters are
    /// registered too (Pipeline.Storage's <c>AddPipelineStorage</c>); the validators need nothing more.
    /// </summary>
    public static IServiceCollection AddPipelineCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Bound by the configuration binder's source generator and checked by validators the options source generator
        // writes from the options' DataAnnotations attributes, not by reflection, so that the native pipeline-validate
        // composes Core exactly as the CLI and the function app do.
        services.AddOptions<ValidationOptions>().Bind(configuration.GetSection(ValidationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ValidationOptions>, ValidationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ValidationOptions>, PopulationAreasValidation>());
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SummaryOptions>, SummaryOptionsValidator>());
        services.AddOptions<DatasetOptions>().Bind(configuration.GetSection(DatasetOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatasetOptions>, DatasetOptionsValidator>());
        services.AddOptions<SpreadsheetOptions>().Bind(configuration.GetSection(SpreadsheetOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpreadsheetOptions>, SpreadsheetOptionsValidator>());
        services.AddOptions<PipelineSettings>().Configure(s => s.Known.AddRange(PipelineSettings.CoreKeys)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineSettings>>(new PipelineSettingsValidation(configuration)));

        // The services take their options as IOptions<T> and are made by the container; the registry is the one value
        // read from the options (the dataset folder).
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DatasetOptions>>().Value.Load());
        services.TryAddSingleton<ReturnValidators>();
        services.TryAddSingleton<UploadProcessor>();
        services.TryAddSingleton<RecalculationService>();
        services.TryAddSingleton<FreshFigures>();
        services.TryAddSingleton<SummaryService>();
        services.TryAddSingleton<SeriesService>();
        services.TryAddSingleton<StatusService>();
        services.TryAddSingleton<RevisionLog>();
        services.TryAddSingleton<ReleaseSnapshots>();
        services.TryAddSingleton<ReleaseCalendar>();
        services.TryAddSingleton<ReleaseNotesReader>();
        services.TryAddSingleton<ReleasedVersions>();
        services.TryAddSingleton<PublishedFigures>();
        services.TryAddSingleton<PublishedWorkbooks>();
        return services;
    }

    /// <summary>
    /// Reads every option and the datasets of a composition made by <see cref="AddPipelineCore"/>, so that a bad setting
    /// is refused before any work: null when all is usable, else one sentence saying what is not (the CLI and
    /// pipeline-validate print it).
    /// </summary>
    public static string? SettingsProblem(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            _ = services.GetRequiredService<IOptions<PipelineSettings>>().Value;
            _ = services.GetRequiredService<IOptions<ValidationOptions>>().Value;
            _ = services.GetRequiredService<IOptions<SummaryOptions>>().Value;
            _ = services.GetRequiredService<IOptions<DatasetOptions>>().Value;
            _ = services.GetRequiredService<IOptions<SpreadsheetOptions>>().Value;
            _ = services.GetRequiredService<DatasetRegistry>();
            return null;
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException or DatasetDefinitionException)
        {
            return $"The settings are not usable: {e.Message}";
        }
    }
}
