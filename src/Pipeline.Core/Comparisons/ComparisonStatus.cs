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

/// <summary>The wire names of <see cref="ComparisonStatus"/>.</summary>
public static class ComparisonStatusNames
{
    public const string Complete = "complete";
    public const string YearToDate = "year-to-date";

    public static string ToWireName(this ComparisonStatus status) => status switch
    {
        ComparisonStatus.Complete => Complete,
        ComparisonStatus.YearToDate => YearToDate,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a comparison status."),
    };
}
