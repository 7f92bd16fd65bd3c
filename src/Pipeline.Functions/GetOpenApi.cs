using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3.1 document of the HTTP API.</summary>
public sealed class GetOpenApi
{
    [Function(nameof(GetOpenApi))]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/openapi.json")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DatasetHandlers.OpenApi();
    }
}
