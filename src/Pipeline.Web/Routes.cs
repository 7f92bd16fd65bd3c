using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Pipeline.Web;

/// <summary>
/// The routes of <c>pipeline serve</c>, the same paths and methods as the function app's, each bound to the same
/// handler method as its function class (<see cref="FiguresHandlers"/>, <see cref="UploadHandlers"/>,
/// <see cref="DatasetHandlers"/>, <see cref="RevisionHandlers"/>). Each returns the handler's <see cref="WebResult"/>, which
/// minimal APIs execute as the <see cref="IResult"/> it is, as the function app's ASP.NET Core integration does. Every
/// GET route answers HEAD too (RFC 9110 section 9.3.2): <see cref="WebResult.ExecuteAsync"/> leaves the body out.
/// </summary>
public static class Routes
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGetAndHead("/api/summary", static ([FromServices] FiguresHandlers h, HttpRequest r, CancellationToken c) => h.SummaryAsync(r, c));
        endpoints.MapGetAndHead("/api/series", static ([FromServices] FiguresHandlers h, HttpRequest r, CancellationToken c) => h.SeriesAsync(r, c));
        endpoints.MapPost("/api/validate", static ([FromServices] UploadHandlers h, HttpRequest r, CancellationToken c) => h.ValidateAsync(r, c));
        endpoints.MapGetAndHead("/api/datasets", static ([FromServices] DatasetHandlers h) => h.Datasets());
        endpoints.MapGetAndHead("/api/datasets/{id}/schema", static ([FromServices] DatasetHandlers h, string id) => h.DatasetSchema(id));
        endpoints.MapGetAndHead("/api/openapi.json", static () => DatasetHandlers.OpenApi());
        endpoints.MapGetAndHead("/api/uploads", static ([FromServices] UploadHandlers h, HttpRequest r, CancellationToken c) => h.ListUploadsAsync(r, c));
        endpoints.MapGetAndHead("/api/revisions", static ([FromServices] RevisionHandlers h, HttpRequest r, CancellationToken c) => h.RevisionsAsync(r, c));
        endpoints.MapGetAndHead("/api/uploads/report", static ([FromServices] UploadHandlers h, HttpRequest r, CancellationToken c) => h.ReportAsync(r, c));
        endpoints.MapGetAndHead("/api/releases", static ([FromServices] ReleaseHandlers h, HttpRequest r, CancellationToken c) => h.ListAsync(r, c));
        endpoints.MapGetAndHead("/api/releases/{id}", static ([FromServices] ReleaseHandlers h, HttpRequest r, string id, CancellationToken c) => h.GetAsync(r, id, c));
        endpoints.MapPost("/api/releases", static ([FromServices] ReleaseHandlers h, HttpRequest r, CancellationToken c) => h.ScheduleAsync(r, c));
        endpoints.MapPut(
            "/api/uploads/{**name}",
            static ([FromServices] UploadHandlers h, HttpRequest r, string? name, CancellationToken c) => h.PutUploadAsync(r, name ?? string.Empty, c));
        return endpoints;
    }

    /// <summary>A GET route that answers HEAD as well, with the same status and headers and no body.</summary>
    internal static IEndpointConventionBuilder MapGetAndHead(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, GetAndHead, handler);
}
