using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>GET /api/uploads?status=S&amp;quarter=Q&amp;limit=N&amp;dataset=D&amp;continuation=C</c>: one page of the ledger, newest upload first.</summary>
public sealed class ListUploads(UploadHandlers handlers)
{
    [Function(nameof(ListUploads))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/uploads")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await handlers.ListUploadsAsync(request, cancellationToken);
}
