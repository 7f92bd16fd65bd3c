using System.Text.Json.Serialization;
using Pipeline.Core.Returns;

namespace Pipeline.Web;

/// <summary>
/// One ledger entry as <c>GET /api/uploads</c> lists it; <see cref="Errors"/> and <see cref="Warnings"/> are counts,
/// <see cref="SentBy"/> who sent the file (<see cref="UploadSenders"/>).
/// </summary>
public sealed record LedgerItem(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("uploadedAt")] DateTimeOffset UploadedAt,
    [property: JsonPropertyName("processedAt")] DateTimeOffset ProcessedAt,
    [property: JsonPropertyName("status")] UploadStatus Status,
    [property: JsonPropertyName("quarter")] string? Quarter,
    [property: JsonPropertyName("errors")] int Errors,
    [property: JsonPropertyName("warnings")] int Warnings,
    [property: JsonPropertyName("storedAs")] string StoredAs,
    [property: JsonPropertyName("sentBy")] string SentBy);
