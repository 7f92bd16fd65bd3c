namespace Pipeline.Core.Returns;

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
