using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pipeline.Web;

/// <summary>The third step of composition, after AddPipelineCore and AddPipelineStorage: the HTTP handlers.</summary>
public static class WebRegistration
{
    public static IServiceCollection AddPipelineWeb(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ApiHandlers>();
        return services;
    }
}
