using System.Text.Json.Serialization;

namespace Pipeline.Core.Summaries;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(SummaryProblem))]
internal sealed partial class SummaryProblemJson : JsonSerializerContext;
