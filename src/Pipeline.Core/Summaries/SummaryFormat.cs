namespace Pipeline.Core.Summaries;

public enum SummaryFormat
{
    Json,
    Csv,
}
