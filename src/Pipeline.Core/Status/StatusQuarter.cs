namespace Pipeline.Core.Status;

/// <summary>
/// One accepted quarter: the file its figures came from, that file's sha256, which revision of the quarter it is, when
/// it was accepted and who sent the file.
/// </summary>
public sealed record StatusQuarter(string Quarter, string File, string Sha256, int Revision, DateTimeOffset AcceptedAt, string SentBy);
