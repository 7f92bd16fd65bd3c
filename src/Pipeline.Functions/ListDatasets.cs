using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>GET /api/datasets</c>: every dataset's definition.</summary>
public sealed class ListDatasets(DatasetHandlers handlers)
{
    [Function(nameof(ListDatasets))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/datasets")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return handlers.Datasets();
    }
}
