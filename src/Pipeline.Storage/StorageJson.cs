using System.Text.Json.Serialization;

namespace Pipeline.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FigureRow[]))]
internal sealed partial class StorageJson : JsonSerializerContext;
