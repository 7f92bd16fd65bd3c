using Microsoft.AspNetCore.Http;
using Pipeline.Core.Schemas;

namespace Pipeline.Web;

/// <summary>The routes that describe the API and the returns: the OpenAPI document and each dataset's Table Schema.</summary>
public sealed partial class ApiHandlers
{
    /// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3.1 document of the routes (docs/openapi.json, schemas inlined).</summary>
    public static WebResult OpenApi() => new(StatusCodes.Status200OK, WebResult.Json, ApiDocuments.OpenApi);

    /// <summary>
    /// <c>GET /api/datasets/{id}/schema</c>: a Frictionless Table Schema of the dataset's return, from its definition and
    /// this deployment's areas and maximum; 404 problem+json naming <c>id</c> for a dataset that does not exist.
    /// </summary>
    public WebResult DatasetSchema(string id)
    {
        if (!validators.Datasets.TryGet(id, out var dataset))
        {
            return WebResult.Problem(
                StatusCodes.Status404NotFound, "Not Found", validators.Datasets.NoSuchDataset(id), "id");
        }

        var options = validation.Value;
        return new WebResult(StatusCodes.Status200OK, TableSchema.ContentType, TableSchema.Generate(dataset, dataset.Areas ?? options.EffectiveAreas, options.MaxValue));
    }
}
