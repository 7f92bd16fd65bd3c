namespace Pipeline.Core.Summaries;

/// <summary>
/// A summary answer: what it came to, the exact body bytes and their type, and the body's entity tag; or, for a body too
/// large to hold (a national series whole), <see cref="Streamed"/>, which writes it as it is read, and an empty
/// <see cref="Body"/>.
/// </summary>
public sealed record SummaryResponse(SummaryResult Result, string ContentType, byte[] Body, string? ETag, SummaryProblem? Problem)
{
    /// <summary>The body written as it is read, and its length, known in advance; null when <see cref="Body"/> is the body.</summary>
    public StreamedBody? Streamed { get; init; }

    /// <summary>The name to save the body as (a download such as a spreadsheet), or null for a body shown as it is.</summary>
    public string? FileName { get; init; }

    public static SummaryResponse From(SummaryResult result, SummaryProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(result, SummaryProblem.ContentType, problem.ToUtf8Bytes(), null, problem);
    }
}

/// <summary>
/// A body of <see cref="Length"/> bytes that <see cref="WriteAsync"/> writes to a stream as it reads them; a null length
/// is not known until the last byte (a spreadsheet made as it is sent).
/// </summary>
public sealed record StreamedBody(long? Length, Func<Stream, CancellationToken, Task> WriteAsync);
