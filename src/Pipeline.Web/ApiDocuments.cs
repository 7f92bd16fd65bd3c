using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Web;

/// <summary>
/// The API's description as served at <c>GET /api/openapi.json</c>: docs/openapi.json (written by hand, embedded in this
/// assembly), with each component schema that refers to a file of docs/schemas/ (<c>{"$ref": "schemas/x.schema.json"}</c>)
/// replaced by that JSON Schema, so the served document stands alone. OpenAPI 3.1 schemas are JSON Schema 2020-12, so
/// the files go in as they are, less their <c>$schema</c>. Built once per process.
/// </summary>
public static class ApiDocuments
{
    private const string Prefix = "Pipeline.Web.";
    private const string SchemaFolder = "schemas/";

    private static readonly Lazy<byte[]> Document = new(Build);

    // Served as application/json, never inlined into a page: descriptions keep their apostrophes readable.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] OpenApi => Document.Value;

    /// <summary>A JSON Schema of docs/schemas/ by file name (<c>summary.schema.json</c>), exactly as committed.</summary>
    public static string Schema(string fileName) => Read(SchemaFolder + fileName);

    private static byte[] Build()
    {
        var root = JsonNode.Parse(Read("openapi.json"))!.AsObject();
        var schemas = root["components"]!["schemas"]!.AsObject();
        foreach (var (name, schema) in schemas.ToList())
        {
            if (schema?["$ref"]?.GetValue<string>() is { } target && target.StartsWith(SchemaFolder, StringComparison.Ordinal))
            {
                var inlined = JsonNode.Parse(Read(target))!.AsObject();
                inlined.Remove("$schema");
                schemas[name] = inlined;
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(root, Indented);
    }

    private static string Read(string name)
    {
        using var stream = typeof(ApiDocuments).Assembly.GetManifestResourceStream(Prefix + name.Replace('/', '.'))
            ?? throw new InvalidOperationException($"The assembly {typeof(ApiDocuments).Assembly.GetName().Name} carries no {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
