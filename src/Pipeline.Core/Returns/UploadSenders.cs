namespace Pipeline.Core.Returns;

/// <summary>
/// Who sent an upload (<c>sentBy</c> in the ledger, outcomes, revisions and <c>pipeline status</c>; the contract's
/// section 10): a signed-in principal's name when it came through the HTTP API or the partner page, or one of these.
/// </summary>
public static class UploadSenders
{
    /// <summary><c>pipeline ingest</c>.</summary>
    public const string Cli = "cli";

    /// <summary>A file written straight into the uploads container, not through the app.</summary>
    public const string Storage = "storage";

    /// <summary>Recorded before the sender was: ledger entries, quarters and revisions written by earlier versions.</summary>
    public const string Unknown = "unknown";
}
