using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Returns;

/// <summary>
/// What is known of a quarter's accepted figures without reading them: the file they came from, its hash, when it was
/// uploaded and accepted, and how many areas it holds. The index of the accepted figures; reading the figures
/// themselves is a further request (<see cref="Ports.IAcceptedQuarterStore.ReadAsync"/>).
/// </summary>
public sealed record AcceptedQuarterRecord(
    Quarter Quarter,
    string File,
    string Sha256,
    DateTimeOffset UploadedAt,
    DateTimeOffset AcceptedAt,
    int AreaCount,
    string Dataset = DatasetDefinition.DefaultId);
