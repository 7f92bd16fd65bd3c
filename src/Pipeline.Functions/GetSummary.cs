using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>GET /api/summary</c>: the summary of the annual comparison (docs/contract.md, section 5).</summary>
public sealed class GetSummary(FiguresHandlers handlers)
{
    [Function(nameof(GetSummary))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/summary")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await handlers.SummaryAsync(request, cancellationToken);
}
