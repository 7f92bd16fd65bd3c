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
    [property: JsonPropertyName("areas"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Area>? Areas = null,
    [property: JsonPropertyName("publication"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DatasetPublication? Publication = null,
    [property: JsonPropertyName("disclosure"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DatasetDisclosure? Disclosure = null)
{
    /// <summary>The dataset of the contract's sections 1 to 5, and of every upload not filed under another dataset.</summary>
    public const string DefaultId = "serious-youth-violence";

    /// <summary>Whether the dataset is published in releases (section 11) rather than continuously.</summary>
    [JsonIgnore]
    public bool IsScheduled => Publication?.IsScheduled == true;

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

    /// <summary>
    /// The populations its <c>perPopulation</c> metrics name, by id, attached by the <see cref="DatasetRegistry"/> that read
    /// them from <c>populations/</c>; empty for a definition made without them.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, PopulationTable> Populations { get; init; } = new Dictionary<string, PopulationTable>();

    /// <summary>Every column of the return, frame columns first, then the fields in definition order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Columns => [FrameColumns.Quarter, FrameColumns.AreaCode, FrameColumns.AreaName, .. Fields.Select(f => f.Name)];
}
