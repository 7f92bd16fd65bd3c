using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web.Pages;

namespace Pipeline.Functions;

/// <summary><c>GET /releases</c>: the release calendar page, public, the same handler as <c>pipeline serve</c>'s.</summary>
public sealed class ReleaseCalendarPage(ReleasesPageHandlers page)
{
    [Function(nameof(ReleaseCalendarPage))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "releases")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await page.GetAsync(request, cancellationToken);
}
