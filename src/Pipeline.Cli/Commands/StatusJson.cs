using System.Text.Json.Serialization;
using Pipeline.Core.Status;

namespace Pipeline.Cli.Commands;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StatusReport))]
internal sealed partial class StatusJson : JsonSerializerContext;
