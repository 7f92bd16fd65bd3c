namespace Pipeline.Core.Status;

/// <summary>A year basis (<c>calendar</c>, <c>financial</c>) and the periods it can summarise, oldest first.</summary>
public sealed record StatusBasis(string Basis, IReadOnlyList<StatusPeriod> Periods);
