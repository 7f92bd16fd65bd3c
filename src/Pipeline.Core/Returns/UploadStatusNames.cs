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

    public static bool TryParse(string? text, out UploadStatus status)
    {
        switch (text)
        {
            case "accepted": status = UploadStatus.Accepted; return true;
            case "duplicate": status = UploadStatus.Duplicate; return true;
            case "superseded": status = UploadStatus.Superseded; return true;
            case "rejected": status = UploadStatus.Rejected; return true;
            default: status = default; return false;
        }
    }

    public static UploadStatus Parse(string text) => TryParse(text, out var status) ? status : throw new FormatException($"'{text}' is not an upload status.");
}
