using System.Text.Json.Serialization;
using Pipeline.Core.Validation;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// The result of processing one upload: what became of it, where it is kept, its validation report, and who sent it
/// (<see cref="UploadSenders"/>).
/// </summary>
public sealed record UploadOutcome(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("status")] UploadStatus Status,
    [property: JsonPropertyName("quarter")] string? Quarter,
    [property: JsonPropertyName("storedAs")] string StoredAs,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("report")] ValidationReport Report,
    [property: JsonPropertyName("sentBy")] string SentBy)
{
    /// <summary>What is left to happen, in plain English (say, the upload stays in uploads while another client holds a
    /// lease on it); absent from the JSON when all is done.</summary>
    [JsonPropertyName("notice")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notice { get; init; }

    /// <summary>The container the file is kept in (accepted or rejected, as configured).</summary>
    [JsonIgnore]
    public string? Container { get; init; }

    /// <summary>The rejected file's report, as the store named it; null for a kept return.</summary>
    [JsonIgnore]
    public string? ReportName { get; init; }

    /// <summary>The upload could not be removed from uploads and needs someone to act (a lease is held on it).</summary>
    [JsonIgnore]
    public bool StillWaiting { get; init; }

    [JsonIgnore]
    public bool IsRejected => Status == UploadStatus.Rejected;
}
