using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Web.Access;
using Pipeline.Web.Pages;

namespace Pipeline.Web;

/// <summary>The third step of composition, after AddPipelineCore and AddPipelineStorage: the HTTP handlers and the pages'.</summary>
public static class WebRegistration
{
    public static IServiceCollection AddPipelineWeb(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ICallers, PlatformCallers>(); // pipeline serve registers its own before this
        services.TryAddSingleton<UploadSender>();
        services.TryAddSingleton<FiguresHandlers>();
        services.TryAddSingleton<UploadHandlers>();
        services.TryAddSingleton<DatasetHandlers>();
        services.TryAddSingleton<RevisionHandlers>();
        services.TryAddSingleton<ReleaseHandlers>();
        services.TryAddSingleton<PreviewGate>();
        services.TryAddSingleton<PageRenderer>();
        services.TryAddSingleton<PartnerPageHandlers>();
        services.TryAddSingleton<DashboardHandlers>();
        services.TryAddSingleton<ReleasesPageHandlers>();
        services.TryAddSingleton(_ => new PageAssets());
        return services;
    }
}
