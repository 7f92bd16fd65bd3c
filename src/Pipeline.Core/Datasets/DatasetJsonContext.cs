using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Datasets;

[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(DatasetDefinition))]
[JsonSerializable(typeof(IReadOnlyList<DatasetDefinition>))]
[JsonSerializable(typeof(PopulationSource))]
internal sealed partial class DatasetJsonContext : JsonSerializerContext;
