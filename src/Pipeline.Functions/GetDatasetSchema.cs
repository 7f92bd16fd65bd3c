using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>GET /api/datasets/{id}/schema</c>: a Frictionless Table Schema of the dataset's return.</summary>
public sealed class GetDatasetSchema(DatasetHandlers handlers)
{
    [Function(nameof(GetDatasetSchema))]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/datasets/{id}/schema")] HttpRequest request,
        string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return handlers.DatasetSchema(id);
    }
}
