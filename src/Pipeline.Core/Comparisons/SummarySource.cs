using Pipeline.Core.Calendar;
namespace Pipeline.Core.Comparisons;

/// <summary>The accepted file behind one quarter used in a comparison.</summary>
public sealed record SummarySource(Quarter Quarter, string File, string Sha256);
