using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Returns;

/// <summary>
/// The accepted figures for one quarter of one dataset and the file they came from. <see cref="Areas"/> is ordered by
/// area code; each area's counts follow the dataset's fields.
/// </summary>
public sealed record AcceptedQuarter(
    Quarter Quarter,
    string File,
    string Sha256,
    DateTimeOffset UploadedAt,
    DateTimeOffset AcceptedAt,
    IReadOnlyList<AreaFigures> Areas,
    string Dataset = DatasetDefinition.DefaultId)
{
    /// <summary>This quarter's entry in the index of accepted figures.</summary>
    public AcceptedQuarterRecord Record => new(Quarter, File, Sha256, UploadedAt, AcceptedAt, Areas.Count, Dataset);
}
