using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Pipeline.Web.Pages;

namespace Pipeline.Web;

/// <summary>
/// The pages of <c>pipeline serve</c> (docs/contract.md section 9): the dashboard at /, the partner page at /submit, and
/// the GOV.UK Frontend stylesheet, fonts and images they use at /assets/..., each answering HEAD as it answers GET.
/// </summary>
public static class PageRoutes
{
    public static IEndpointRouteBuilder MapPipelinePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGetAndHead("/", static ([FromServices] DashboardHandlers page, HttpRequest r, CancellationToken c) => page.GetAsync(r, c));
        endpoints.MapGetAndHead("/releases", static ([FromServices] ReleasesPageHandlers page, HttpRequest r, CancellationToken c) => page.GetAsync(r, c));
        endpoints.MapGetAndHead("/submit", static ([FromServices] PartnerPageHandlers page, HttpRequest r, CancellationToken c) => page.GetAsync(r, c));
        endpoints.MapPost("/submit", static ([FromServices] PartnerPageHandlers page, HttpRequest r, CancellationToken c) => page.PostAsync(r, c));
        endpoints.MapGetAndHead(PageAssets.UrlPrefix + "{**path}", static ([FromServices] PageAssets assets, string? path) => assets.Get(path ?? string.Empty));
        return endpoints;
    }
}
