using System.Text.Json.Serialization;

namespace Pipeline.Core.Returns;

/// <summary>What became of one upload. Written as its lower-case wire name (<c>accepted</c>) wherever it leaves the app.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UploadStatus>))]
public enum UploadStatus
{
    /// <summary>Valid; its figures are now the quarter's accepted figures.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>Valid, but byte-for-byte the quarter's current accepted file: nothing changed.</summary>
    [JsonStringEnumMemberName("duplicate")]
    Duplicate,

    /// <summary>Valid, but a later upload for the same quarter is already accepted: kept, figures unchanged.</summary>
    [JsonStringEnumMemberName("superseded")]
    Superseded,

    /// <summary>Invalid: set aside in the rejected container with its report; no figure changed.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,
}

public static class UploadStatusNames
{
    public static string ToWire(this UploadStatus status) => status switch
    {
        UploadStatus.Accepted => "accepted",
        UploadStatus.Duplicate => "duplicate",
        UploadStatus.Superseded => "superseded",
        UploadStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static UploadStatus Parse(string text) => text switch
    {
        "accepted" => UploadStatus.Accepted,
        "duplicate" => UploadStatus.Duplicate,
        "superseded" => UploadStatus.Superseded,
        "rejected" => UploadStatus.Rejected,
        _ => throw new FormatException($"'{text}' is not an upload status."),
    };
}
