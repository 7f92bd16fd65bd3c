namespace Pipeline.Storage;

/// <summary>One area's row of a stored quarter: its counts keyed by field name.</summary>
internal sealed record FigureRow(string Code, string Name, Dictionary<string, long> Counts);
