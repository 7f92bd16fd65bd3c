using System.Text.Json.Serialization;

namespace Pipeline.Core.Validation;

/// <summary>
/// One problem found in a return. <see cref="Row"/> is the record number as a spreadsheet shows it (header = 1);
/// <see cref="Row"/>, <see cref="Column"/> and <see cref="Value"/> are absent where they do not apply.
/// </summary>
public sealed record ValidationIssue(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("row"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row,
    [property: JsonPropertyName("column"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Column,
    [property: JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value,
    [property: JsonPropertyName("message")] string Message);
