using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>PUT /api/uploads/{name}</c>: stores a return in uploads (never over one still waiting) and processes it at once.</summary>
public sealed class PutUpload(UploadHandlers handlers)
{
    [Function(nameof(PutUpload))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/uploads/{*name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        await handlers.PutUploadAsync(request, name, cancellationToken);
}
