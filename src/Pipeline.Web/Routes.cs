using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Web;

/// <summary>
/// The routes of <c>pipeline serve</c>, the same paths and methods as the function app's, each bound to the same
/// <see cref="ApiHandlers"/> method as its function class. Every GET route answers HEAD too (RFC 9110 section 9.3.2):
/// <see cref="WebResult.WriteAsync"/> leaves the body out.
/// </summary>
public static class Routes
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGetAndHead("/api/summary", Handle<ApiHandlers>(static (h, c) => h.SummaryAsync(c.Request, c.RequestAborted)));
        endpoints.MapGetAndHead("/api/series", Handle<ApiHandlers>(static (h, c) => h.SeriesAsync(c.Request, c.RequestAborted)));
        endpoints.MapPost("/api/validate", Handle<ApiHandlers>(static (h, c) => h.ValidateAsync(c.Request, c.RequestAborted)));
        endpoints.MapGetAndHead("/api/datasets", Handle<ApiHandlers>(static (h, _) => Task.FromResult(h.Datasets())));
        endpoints.MapGetAndHead(
            "/api/datasets/{id}/schema",
            Handle<ApiHandlers>(static (h, c) => Task.FromResult(h.DatasetSchema(c.Request.RouteValues["id"] as string ?? string.Empty))));
        endpoints.MapGetAndHead("/api/openapi.json", Handle<ApiHandlers>(static (_, _) => Task.FromResult(ApiHandlers.OpenApi())));
        endpoints.MapGetAndHead("/api/uploads", Handle<ApiHandlers>(static (h, c) => h.ListUploadsAsync(c.Request, c.RequestAborted)));
        endpoints.MapGetAndHead("/api/revisions", Handle<ApiHandlers>(static (h, c) => h.RevisionsAsync(c.Request, c.RequestAborted)));
        endpoints.MapGetAndHead("/api/uploads/report", Handle<ApiHandlers>(static (h, c) => h.ReportAsync(c.Request, c.RequestAborted)));
        endpoints.MapPut(
            "/api/uploads/{**name}",
            Handle<ApiHandlers>(static (h, c) => h.PutUploadAsync(c.Request, c.Request.RouteValues["name"] as string ?? string.Empty, c.RequestAborted)));
        return endpoints;
    }

    /// <summary>A GET route that answers HEAD as well, with the same status and headers and no body.</summary>
    internal static IEndpointConventionBuilder MapGetAndHead(this IEndpointRouteBuilder endpoints, string pattern, RequestDelegate handler) =>
        endpoints.MapMethods(pattern, GetAndHead, handler);

    /// <summary>A request delegate that resolves <typeparamref name="THandler"/>, asks it, and writes its answer.</summary>
    internal static RequestDelegate Handle<THandler>(Func<THandler, HttpContext, Task<WebResult>> handle)
        where THandler : notnull => async context =>
    {
        var result = await handle(context.RequestServices.GetRequiredService<THandler>(), context);
        await result.WriteAsync(context.Response, context.RequestAborted);
    };
}
