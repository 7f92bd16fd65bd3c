using Pipeline.Core.Calendar;
namespace Pipeline.Core.Comparisons;

/// <summary>
/// The accepted file behind one quarter used in a comparison: which version of the quarter it is (<see cref="Revision"/>:
/// 1 for the first version ever accepted, one more for each correction since) and when that version was accepted (null
/// in documents stored before revisions were tracked).
/// </summary>
public sealed record SummarySource(Quarter Quarter, string File, string Sha256, int Revision = 1, DateTimeOffset? AcceptedAt = null);
