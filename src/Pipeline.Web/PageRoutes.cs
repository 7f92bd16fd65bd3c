using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Web.Pages;

namespace Pipeline.Web;

/// <summary>
/// The pages of <c>pipeline serve</c> (docs/contract.md section 9): the partner page at /submit, and the GOV.UK Frontend
/// stylesheet, fonts and images it uses at /assets/....
/// </summary>
public static class PageRoutes
{
    public static IEndpointRouteBuilder MapPartnerPages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/submit", Handle(static (s, c) => s.GetRequiredService<PartnerPageHandlers>().GetAsync(c.RequestAborted)));
        endpoints.MapPost("/submit", Handle(static (s, c) => s.GetRequiredService<PartnerPageHandlers>().PostAsync(c.Request, c.RequestAborted)));
        endpoints.MapGet(
            PageAssets.UrlPrefix + "{**path}",
            Handle(static (s, c) => Task.FromResult(s.GetRequiredService<PageAssets>().Get(c.Request.RouteValues["path"] as string ?? string.Empty))));
        return endpoints;
    }

    private static RequestDelegate Handle(Func<IServiceProvider, HttpContext, Task<WebResult>> handle) => async context =>
    {
        var result = await handle(context.RequestServices, context);
        await result.WriteAsync(context.Response, context.RequestAborted);
    };
}
