using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>GET /api/series</c>: every accepted quarter's figures (docs/contract.md, section 7).</summary>
public sealed class GetSeries(FiguresHandlers handlers)
{
    [Function(nameof(GetSeries))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/series")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await handlers.SeriesAsync(request, cancellationToken);
}
