using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Web;

/// <summary>
/// The routes of <c>pipeline serve</c>, the same paths and methods as the function app's, each bound to the same
/// <see cref="ApiHandlers"/> method as its function class.
/// </summary>
public static class Routes
{
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/summary", Handle<ApiHandlers>(static (h, c) => h.SummaryAsync(c.Request, c.RequestAborted)));
        endpoints.MapGet("/api/series", Handle<ApiHandlers>(static (h, c) => h.SeriesAsync(c.Request, c.RequestAborted)));
        endpoints.MapPost("/api/validate", Handle<ApiHandlers>(static (h, c) => h.ValidateAsync(c.Request, c.RequestAborted)));
        endpoints.MapGet("/api/datasets", Handle<ApiHandlers>(static (h, _) => Task.FromResult(h.Datasets())));
        endpoints.MapGet(
            "/api/datasets/{id}/schema",
            Handle<ApiHandlers>(static (h, c) => Task.FromResult(h.DatasetSchema(c.Request.RouteValues["id"] as string ?? string.Empty))));
        endpoints.MapGet("/api/openapi.json", Handle<ApiHandlers>(static (_, _) => Task.FromResult(ApiHandlers.OpenApi())));
        endpoints.MapGet("/api/uploads", Handle<ApiHandlers>(static (h, c) => h.ListUploadsAsync(c.Request, c.RequestAborted)));
        endpoints.MapGet("/api/revisions", Handle<ApiHandlers>(static (h, c) => h.RevisionsAsync(c.Request, c.RequestAborted)));
        endpoints.MapGet("/api/uploads/report", Handle<ApiHandlers>(static (h, c) => h.ReportAsync(c.Request, c.RequestAborted)));
        endpoints.MapPut(
            "/api/uploads/{**name}",
            Handle<ApiHandlers>(static (h, c) => h.PutUploadAsync(c.Request, c.Request.RouteValues["name"] as string ?? string.Empty, c.RequestAborted)));
        return endpoints;
    }

    /// <summary>A request delegate that resolves <typeparamref name="THandler"/>, asks it, and writes its answer.</summary>
    internal static RequestDelegate Handle<THandler>(Func<THandler, HttpContext, Task<WebResult>> handle)
        where THandler : notnull => async context =>
    {
        var result = await handle(context.RequestServices.GetRequiredService<THandler>(), context);
        await result.WriteAsync(context.Response, context.RequestAborted);
    };
}
