using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>GET /api/releases/{id}</c>: one release, with its notes once published.</summary>
public sealed class GetRelease(ReleaseHandlers handlers)
{
    [Function(nameof(GetRelease))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/releases/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        await handlers.GetAsync(request, id, cancellationToken);
}
