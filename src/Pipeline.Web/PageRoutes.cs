using Microsoft.AspNetCore.Builder;
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
        endpoints.MapGetAndHead("/", Routes.Handle<DashboardHandlers>(static (page, c) => page.GetAsync(c.Request, c.RequestAborted)));
        endpoints.MapGetAndHead("/submit", Routes.Handle<PartnerPageHandlers>(static (page, c) => page.GetAsync(c.Request, c.RequestAborted)));
        endpoints.MapPost("/submit", Routes.Handle<PartnerPageHandlers>(static (page, c) => page.PostAsync(c.Request, c.RequestAborted)));
        endpoints.MapGetAndHead(
            PageAssets.UrlPrefix + "{**path}",
            Routes.Handle<PageAssets>(static (assets, c) => Task.FromResult(assets.Get(c.Request.RouteValues["path"] as string ?? string.Empty))));
        return endpoints;
    }
}
