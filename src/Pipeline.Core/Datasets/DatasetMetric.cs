using System.Text.Json.Serialization;

namespace Pipeline.Core.Datasets;

/// <summary>A figure compared year on year: a <see cref="Count"/> field's sum, a <see cref="Rate"/> of two of them, or a field's sum <see cref="PerPopulation"/>.</summary>
/// <param name="Id">The metric's key in the summary, camelCase.</param>
/// <param name="Count">The field summed, for a count.</param>
/// <param name="Rate">The two fields, for a rate.</param>
/// <param name="PerPopulation">The field and the population, for a rate per so many people (docs/contract.md section 13).</param>
/// <param name="Sentence">
/// A rate's optional headline wording: what the numerator's units did, in lower case, as "had a positive outcome" reads
/// in "858 offences had a positive outcome: a rate of 12.96%, up 2.52 percentage points" (the dashboard's
/// <c>Headlines</c>). Without it the headline is "Positive outcomes were 12.96% of offences...".
/// </param>
public sealed record DatasetMetric(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("count"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Count = null,
    [property: JsonPropertyName("rate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DatasetRate? Rate = null,
    [property: JsonPropertyName("sentence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sentence = null,
    [property: JsonPropertyName("perPopulation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DatasetPerPopulation? PerPopulation = null);
