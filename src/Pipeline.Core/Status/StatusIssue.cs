namespace Pipeline.Core.Status;

/// <summary>One error of a rejected upload's report: its code, where it is, and its message.</summary>
public sealed record StatusIssue(string Code, int? Row, string? Column, string Message);
