namespace Pipeline.Core.Status;

/// <summary>
/// What storage holds now for one dataset (<c>pipeline status</c>): its accepted quarters, the uploads still waiting,
/// the latest rejections with their first errors, and the periods each basis can summarise.
/// </summary>
public sealed record StatusReport(
    string Dataset,
    string Title,
    IReadOnlyList<StatusQuarter> Quarters,
    IReadOnlyList<string> Waiting,
    IReadOnlyList<StatusRejection> Rejections,
    IReadOnlyList<StatusBasis> Bases);
