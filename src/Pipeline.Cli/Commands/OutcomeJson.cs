using System.Text.Json.Serialization;
using Pipeline.Core.Ingestion;

namespace Pipeline.Cli.Commands;

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<UploadOutcome>))]
internal sealed partial class OutcomeJson : JsonSerializerContext;
