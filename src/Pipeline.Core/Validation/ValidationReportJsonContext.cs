using System.Text.Json.Serialization;

namespace Pipeline.Core.Validation;

[JsonSerializable(typeof(ValidationReport))]
[JsonSerializable(typeof(IReadOnlyList<ValidationReport>))]
internal sealed partial class ValidationReportJsonContext : JsonSerializerContext;
