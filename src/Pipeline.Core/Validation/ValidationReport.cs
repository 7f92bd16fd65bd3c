using System.Text.Json.Serialization;

namespace Pipeline.Core.Validation;

/// <summary>
/// The outcome of validating one file, in the JSON form of the contract's section 2. <see cref="Sha256"/> is the
/// lowercase hex SHA-256 of all the file's bytes; it is null only when the file was over the size limit and so was
/// not (completely) read.
/// </summary>
public sealed record ValidationReport(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("quarter")] string? Quarter,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("sha256")] string? Sha256,
    [property: JsonPropertyName("truncated")] bool Truncated,
    [property: JsonPropertyName("errors")] IReadOnlyList<ValidationIssue> Errors,
    [property: JsonPropertyName("warnings")] IReadOnlyList<ValidationIssue> Warnings)
{
    /// <summary>How many errors were found beyond those listed (the cap); not part of the JSON form.</summary>
    [JsonIgnore]
    public int ErrorsNotShown { get; init; }

    /// <summary>How many warnings were found beyond those listed (the cap); not part of the JSON form.</summary>
    [JsonIgnore]
    public int WarningsNotShown { get; init; }
}
