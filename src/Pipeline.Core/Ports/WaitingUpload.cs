namespace Pipeline.Core.Ports;

/// <summary>An upload waiting in the uploads container: its name, and when it was created there.</summary>
public sealed record WaitingUpload(string Name, DateTimeOffset UploadedAt);
