using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web.Pages;

namespace Pipeline.Functions;

/// <summary>
/// <c>GET /</c>: the dashboard, public, the same handler as <c>pipeline serve</c>'s. The host cannot bind an empty route,
/// so the route is one optional segment that must be empty: it matches the site's root and nothing else (with the empty
/// routePrefix of host.json), and a function at the root replaces the host's own home page.
/// </summary>
public sealed class Dashboard(DashboardHandlers page)
{
    [Function(nameof(Dashboard))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "{root:maxlength(0)?}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await page.GetAsync(request, cancellationToken);
    }
}
