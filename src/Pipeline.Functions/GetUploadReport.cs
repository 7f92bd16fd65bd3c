using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>GET /api/uploads/report?file=F</c>: the report of the latest processing of upload F.</summary>
public sealed class GetUploadReport(UploadHandlers handlers)
{
    [Function(nameof(GetUploadReport))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/uploads/report")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await handlers.ReportAsync(request, cancellationToken);
}
