namespace Pipeline.Core.Summaries;

/// <summary>A summary answer: what it came to, the exact body bytes and their type, and the body's entity tag.</summary>
public sealed record SummaryResponse(SummaryResult Result, string ContentType, byte[] Body, string? ETag, SummaryProblem? Problem)
{
    public static SummaryResponse From(SummaryResult result, SummaryProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(result, SummaryProblem.ContentType, problem.ToUtf8Bytes(), null, problem);
    }
}
