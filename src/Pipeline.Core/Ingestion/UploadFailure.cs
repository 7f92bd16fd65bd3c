namespace Pipeline.Core.Ingestion;

/// <summary>One upload that could not be processed: its name (null when the uploads could not even be listed) and why.</summary>
public sealed record UploadFailure(string? File, string Message);
