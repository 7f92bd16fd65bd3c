namespace Pipeline.Core.Summaries;

/// <summary>
/// One accepted quarter: the file its figures came from, that file's sha256 and when it was accepted.
/// <see cref="Revision"/> is 1 for every quarter until revisions are tracked.
/// </summary>
public sealed record StatusQuarter(string Quarter, string File, string Sha256, int Revision, DateTimeOffset AcceptedAt);
