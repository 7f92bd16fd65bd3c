using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>GET /api/releases?dataset=D</c>: the dataset's release calendar, latest first.</summary>
public sealed class ListReleases(ReleaseHandlers handlers)
{
    [Function(nameof(ListReleases))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/releases")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await handlers.ListAsync(request, cancellationToken);
}
