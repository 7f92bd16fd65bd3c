using System.Text.Json.Serialization;

namespace Pipeline.Core.Comparisons;

/// <summary>Whether a comparison covers all four quarters of the year or only those accepted in both years so far.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComparisonStatus>))]
public enum ComparisonStatus
{
    [JsonStringEnumMemberName(ComparisonStatusNames.YearToDate)]
    YearToDate,

    [JsonStringEnumMemberName(ComparisonStatusNames.Complete)]
    Complete,
}
