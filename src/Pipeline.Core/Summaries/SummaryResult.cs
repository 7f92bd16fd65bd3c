namespace Pipeline.Core.Summaries;

/// <summary>What a summary request came to; each face maps it to its own world (HTTP 200/400/404, exit codes 0/2/1).</summary>
public enum SummaryResult
{
    Found,
    BadParameter,
    NotFound,
}
