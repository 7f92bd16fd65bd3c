namespace Pipeline.Core.Comparisons;

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
