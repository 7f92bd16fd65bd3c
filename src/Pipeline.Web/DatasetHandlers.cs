using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pipeline.Core.Datasets;
using Pipeline.Core.Schemas;
using Pipeline.Core.Validation;

namespace Pipeline.Web;

/// <summary>The routes that describe the returns and the API: the datasets, each dataset's Table Schema, the OpenAPI document.</summary>
public sealed class DatasetHandlers(DatasetRegistry datasets, IOptions<ValidationOptions> validation)
{
    /// <summary><c>GET /api/datasets</c>: every dataset's definition.</summary>
    public WebResult Datasets() =>
        new(StatusCodes.Status200OK, WebResult.Json, JsonSerializer.SerializeToUtf8Bytes(datasets.All, WebJson.Relaxed.IReadOnlyListDatasetDefinition));

    /// <summary>
    /// <c>GET /api/datasets/{id}/schema</c>: a Frictionless Table Schema of the dataset's return, from its definition and
    /// this deployment's areas and maximum; 404 problem+json naming <c>id</c> for a dataset that does not exist.
    /// </summary>
    public WebResult DatasetSchema(string id)
    {
        if (!datasets.TryGet(id, out var dataset))
        {
            return WebResult.Problem(StatusCodes.Status404NotFound, "Not Found", datasets.NoSuchDataset(id), "id");
        }

        var options = validation.Value;
        return new WebResult(StatusCodes.Status200OK, TableSchema.ContentType, TableSchema.Generate(dataset, dataset.Areas ?? options.EffectiveAreas, options.MaxValue));
    }

    /// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3.1 document of the routes (docs/openapi.json, schemas inlined).</summary>
    public static WebResult OpenApi() => new(StatusCodes.Status200OK, WebResult.Json, ApiDocuments.OpenApi);
}
