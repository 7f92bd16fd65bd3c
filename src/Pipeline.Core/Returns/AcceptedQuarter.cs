namespace Pipeline.Core.Returns;

/// <summary>
/// The accepted figures for one quarter and the file they came from. <see cref="Areas"/> is ordered by area code.
/// </summary>
public sealed record AcceptedQuarter(
    Quarter Quarter,
    string File,
    string Sha256,
    DateTimeOffset UploadedAt,
    DateTimeOffset AcceptedAt,
    IReadOnlyList<AreaFigures> Areas);
