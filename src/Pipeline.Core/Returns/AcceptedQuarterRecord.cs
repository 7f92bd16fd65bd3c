using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Returns;

/// <summary>
/// What is known of a quarter's accepted figures without reading them: the file they came from, its hash, when it was
/// uploaded and accepted, how many areas it holds, which revision of the quarter it is, each field's total (in the
/// dataset's order; null where storage does not have them) and who sent the file (<c>unknown</c> where storage does not
/// say). The index of the accepted figures; reading the figures themselves is a further request
/// (<see cref="Ports.IAcceptedQuarterStore.ReadAsync"/>).
/// </summary>
public sealed record AcceptedQuarterRecord(
    Quarter Quarter,
    string File,
    string Sha256,
    DateTimeOffset UploadedAt,
    DateTimeOffset AcceptedAt,
    int AreaCount,
    string Dataset = DatasetDefinition.DefaultId,
    int Revision = 1,
    IReadOnlyList<long>? Totals = null,
    string SentBy = UploadSenders.Unknown,
    string? Reason = null,
    string? Kind = null);
