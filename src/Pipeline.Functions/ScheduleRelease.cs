using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>POST /api/releases</c>: announces a release of a scheduled dataset (operators only).</summary>
public sealed class ScheduleRelease(ReleaseHandlers handlers)
{
    [Function(nameof(ScheduleRelease))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/releases")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await handlers.ScheduleAsync(request, cancellationToken);
}
