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
