namespace Pipeline.Core.Ports;

/// <summary>Where an upload was kept: the container, its name there, and its report's name there if it has one.</summary>
public sealed record PreservedUpload(string Container, string StoredAs, string? ReportName);
