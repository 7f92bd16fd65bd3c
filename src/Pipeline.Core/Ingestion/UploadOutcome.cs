using System.Text.Json.Serialization;
using Pipeline.Core.Validation;

namespace Pipeline.Core.Ingestion;

/// <summary>The result of processing one upload: what became of it, where it is kept, and its validation report.</summary>
public sealed record UploadOutcome(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("quarter")] string? Quarter,
    [property: JsonPropertyName("storedAs")] string StoredAs,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("report")] ValidationReport Report)
{
    [JsonIgnore]
    public bool IsRejected => Status == UploadStatus.Rejected.ToWire();
}
