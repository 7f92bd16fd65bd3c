using System.Text.Json.Serialization;

namespace Pipeline.Core.Datasets;

/// <summary>A rate per <see cref="Per"/> people: the sum of the <see cref="Count"/> field over the <see cref="Population"/> file's figure.</summary>
/// <param name="Count">The field counted (offences).</param>
/// <param name="Per">The base: 1000 for a rate per 1,000 people.</param>
/// <param name="Population">The id of a population file, <c>populations/&lt;id&gt;.csv</c>.</param>
public sealed record DatasetPerPopulation(
    [property: JsonPropertyName("count")] string Count,
    [property: JsonPropertyName("per")] long Per,
    [property: JsonPropertyName("population")] string Population);
