namespace Pipeline.Core.Returns;

/// <summary>What became of one upload.</summary>
public enum UploadStatus
{
    /// <summary>Valid; its figures are now the quarter's accepted figures.</summary>
    Accepted,

    /// <summary>Valid, but byte-for-byte the quarter's current accepted file: nothing changed.</summary>
    Duplicate,

    /// <summary>Valid, but a later upload for the same quarter is already accepted: kept, figures unchanged.</summary>
    Superseded,

    /// <summary>Invalid: set aside in the rejected container with its report; no figure changed.</summary>
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
