using System.Text.Json.Serialization;

namespace Pipeline.Core.Datasets;

/// <summary>
/// One dataset: the return partners send for it (the frame columns <c>quarter</c>, <c>area_code</c>, <c>area_name</c>
/// and its count <see cref="Fields"/>) and the figures compared year on year (its <see cref="Metrics"/>). Read from a
/// JSON file in <c>datasets/</c>; checked by <see cref="DatasetDefinitionReader"/> before use.
/// </summary>
public sealed record DatasetDefinition(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("fields")] IReadOnlyList<DatasetField> Fields,
    [property: JsonPropertyName("metrics")] IReadOnlyList<DatasetMetric> Metrics,
    [property: JsonPropertyName("areas"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Area>? Areas = null)
{
    /// <summary>The dataset of the contract's sections 1 to 5, and of every upload not filed under another dataset.</summary>
    public const string DefaultId = "serious-youth-violence";

    /// <summary>The position of the field named <paramref name="name"/> (as written in the definition), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Every column of the return, frame columns first, then the fields in definition order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Columns => [FrameColumns.Quarter, FrameColumns.AreaCode, FrameColumns.AreaName, .. Fields.Select(f => f.Name)];
}

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

/// <summary>A figure compared year on year: a <see cref="Count"/> field's sum, or a <see cref="Rate"/> of two of them.</summary>
public sealed record DatasetMetric(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("count"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Count = null,
    [property: JsonPropertyName("rate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DatasetRate? Rate = null);

/// <summary>100 x numerator / denominator, each the sum of a field.</summary>
public sealed record DatasetRate(
    [property: JsonPropertyName("numerator")] string Numerator,
    [property: JsonPropertyName("denominator")] string Denominator);
