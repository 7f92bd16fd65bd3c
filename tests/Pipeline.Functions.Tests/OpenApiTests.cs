using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Pipeline.Web;

namespace Pipeline.Functions.Tests;

/// <summary>
/// GET /api/openapi.json: an OpenAPI 3.1 document that Microsoft.OpenApi reads with no error, listing every route of
/// <c>pipeline serve</c> and every HTTP function, each /api/ error answer as problem+json.
/// </summary>
public sealed partial class OpenApiTests
{
    private static readonly Lazy<OpenApiDocument> Document = new(Read);

    [Fact]
    public void The_served_document_is_OpenAPI_3_1_that_Microsoft_OpenApi_reads_without_error_or_warning()
    {
        var result = OpenApiDocument.Parse(System.Text.Encoding.UTF8.GetString(DatasetHandlers.OpenApi().Body), "json");

        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(result.Diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
        Assert.Empty(result.Document!.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet())!.Select(e => $"{e.Pointer}: {e.Message}"));
    }

    [Fact]
    public void Every_route_pipeline_serve_maps_is_in_the_document_with_its_methods()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();
        app.MapPipelineApi();
        app.MapPipelinePages();

        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: Normalise(e.RoutePattern.RawText!), Method: m)))
            .ToList();

        Assert.Contains(("/api/openapi.json", "GET"), routes);
        Assert.Contains(("/api/datasets/{id}/schema", "GET"), routes);
        Assert.All(routes, r => Assert.True(Documents(r.Path, r.Method), $"{r.Method} {r.Path} is not in docs/openapi.json."));
    }

    [Fact]
    public void Every_http_function_is_in_the_document_with_its_methods()
    {
        var triggers = FunctionsMetadataTests.Names
            .Select(FunctionsMetadataTests.TriggerOf)
            .Where(t => t.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(t => t.GetProperty("methods").EnumerateArray().Select(m => (Path: Normalise(t.GetProperty("route").GetString()!), Method: m.GetString()!.ToUpperInvariant())))
            .ToList();

        Assert.Contains(("/api/openapi.json", "GET"), triggers);
        Assert.Contains(("/", "GET"), triggers);
        Assert.Contains(("/api/datasets/{id}/schema", "GET"), triggers);
        Assert.All(triggers, t => Assert.True(Documents(t.Path, t.Method), $"{t.Method} {t.Path} is not in docs/openapi.json."));
    }

    [Fact]
    public void Every_api_operation_answers_its_errors_as_problem_json_and_names_a_schema_for_its_success()
    {
        var operations = Document.Value.Paths!.Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.Operations!.Select(o => (Name: $"{o.Key} {p.Key}", Operation: o.Value)))
            .ToList();

        Assert.Equal(13, operations.Count); // summary, validate, uploads (PUT, GET), uploads/report, revisions, releases (GET, POST), releases/{id}, series, datasets, datasets/{id}/schema, openapi.json.
        foreach (var (name, operation) in operations)
        {
            var errors = operation.Responses!.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')).ToList();
            if (operation.Parameters is { Count: > 0 })
            {
                Assert.True(errors.Count > 0, $"{name} takes parameters but declares no error answer.");
            }

            foreach (var (status, response) in errors)
            {
                var content = Assert.Single(response.Content!);
                Assert.Equal("application/problem+json", content.Key);
                Assert.Equal(["type", "title", "status", "detail"], content.Value.Schema!.Required!);
            }

            var success = operation.Responses!.First(r => r.Key.StartsWith('2')).Value;
            Assert.All(success.Content!, c => Assert.NotNull(c.Value.Schema));
        }
    }

    [Fact]
    public void The_component_schemas_are_the_json_schemas_of_docs_schemas()
    {
        using var served = JsonDocument.Parse(DatasetHandlers.OpenApi().Body);
        var schemas = served.RootElement.GetProperty("components").GetProperty("schemas");

        foreach (var (component, file) in new[] { ("Summary", ResponseSchemas.Summary), ("Series", ResponseSchemas.Series), ("ValidationReport", ResponseSchemas.Report), ("Outcome", ResponseSchemas.Outcome), ("Problem", ResponseSchemas.Problem) })
        {
            var expected = System.Text.Json.Nodes.JsonNode.Parse(ResponseSchemas.Text(file))!.AsObject();
            expected.Remove("$schema");
            Assert.True(
                System.Text.Json.Nodes.JsonNode.DeepEquals(expected, System.Text.Json.Nodes.JsonNode.Parse(schemas.GetProperty(component).GetRawText())),
                $"components.schemas.{component} is not {file}.");
        }
    }

    /// <summary>
    /// A route template as OpenAPI writes a path: a leading '/', and catch-all parameters ({*name}, {**name}) as {name}.
    /// The dashboard's function route, one optional segment that must be empty, is the root.
    /// </summary>
    private static string Normalise(string route) =>
        "/" + RootOnly().Replace(route.TrimStart('/'), string.Empty).Replace("{**", "{", StringComparison.Ordinal).Replace("{*", "{", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\{\w+:maxlength\(0\)\?\}$")]
    private static partial System.Text.RegularExpressions.Regex RootOnly();

    /// <summary>
    /// Whether the document lists <paramref name="method"/> on <paramref name="path"/>. HEAD is documented by GET: the
    /// document's description says every GET answers HEAD, rather than repeating each operation without its body.
    /// </summary>
    private static bool Documents(string path, string method) =>
        Document.Value.Paths!.TryGetValue(path, out var item) &&
        item.Operations!.Keys.Any(m => string.Equals(m.Method, method == "HEAD" ? "GET" : method, StringComparison.OrdinalIgnoreCase));

    private static OpenApiDocument Read()
    {
        var result = OpenApiDocument.Parse(System.Text.Encoding.UTF8.GetString(DatasetHandlers.OpenApi().Body), "json");
        return result.Document!;
    }
}
