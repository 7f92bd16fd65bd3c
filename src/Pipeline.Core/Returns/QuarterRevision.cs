using Pipeline.Core.Calendar;

namespace Pipeline.Core.Returns;

/// <summary>
/// One correction of a quarter (revision 2 and above): the version accepted and who sent it, the version it replaced,
/// and each count field's total before and after, in the dataset's field order; when the replaced version was accepted
/// and who sent it (null in entries written before releases), and the sender's reason and kind of change (null when
/// not given).
/// </summary>
public sealed record QuarterRevision(
    string Dataset,
    Quarter Quarter,
    int Revision,
    DateTimeOffset AcceptedAt,
    string File,
    string Sha256,
    string SentBy,
    string PreviousFile,
    string PreviousSha256,
    IReadOnlyList<long> PreviousTotals,
    IReadOnlyList<long> Totals,
    DateTimeOffset? PreviousAcceptedAt = null,
    string? PreviousSentBy = null,
    string? Reason = null,
    string? Kind = null);
