using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Storage;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary>
/// The function app's composition, in one place so that Program.cs and the tests build the same host: the ASP.NET Core
/// HTTP integration, Application Insights and everything <see cref="Storage.ServiceCollectionExtensions.AddPipeline"/> registers.
/// </summary>
public static class PipelineHost
{
    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();

        // Telemetry goes to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (with Entra ID auth in Azure).
        builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        builder.Services.AddPipeline(builder.Configuration).AddPipelineWeb();
        return builder;
    }
}
