namespace Pipeline.Core.Returns;

/// <summary>One area's figures for one quarter, as a return states them.</summary>
public readonly record struct AreaFigures(string AreaCode, string AreaName, long Offences, long KnifeOffences, long PositiveOutcomes);
