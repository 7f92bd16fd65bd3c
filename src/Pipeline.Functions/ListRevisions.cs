using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>GET /api/revisions?dataset=D</c>: every correction of the dataset's quarters, newest first.</summary>
public sealed class ListRevisions(RevisionHandlers handlers)
{
    [Function(nameof(ListRevisions))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/revisions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await handlers.RevisionsAsync(request, cancellationToken);
}
