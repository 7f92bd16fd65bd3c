using System.Text.Json.Serialization;

namespace Pipeline.Core.Datasets;

/// <summary>A whole number each row of the return carries, &gt;= 0 and up to the configured maximum.</summary>
/// <param name="Name">The column name (lower-case, words joined by underscores).</param>
/// <param name="Title">How people read it, capitalised as a sentence starts: "Knife offences".</param>
/// <param name="Description">What it counts, for partners and analysts.</param>
/// <param name="NotGreaterThan">Another field this one may never exceed on a row (knife offences within offences).</param>
/// <param name="Code">The validation code when <paramref name="NotGreaterThan"/> is broken; <c>exceeds-field</c> unless given.</param>
public sealed record DatasetField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description = null,
    [property: JsonPropertyName("notGreaterThan"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NotGreaterThan = null,
    [property: JsonPropertyName("code"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null)
{
    public const string DefaultExceedsCode = "exceeds-field";

    /// <summary>The code a broken <see cref="NotGreaterThan"/> rule reports.</summary>
    [JsonIgnore]
    public string ExceedsCode => Code ?? DefaultExceedsCode;
}
