using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Ingestion;

/// <summary>Who sent an upload: recorded by the app when it creates one, found again by whichever run processes it.</summary>
/// <remarks>
/// A partner who may write to uploads may set any metadata on the blobs they write, so no metadata names a sender.
/// The app records the sender in the ledger's table, which partners cannot write, keyed by the upload's name and the
/// version (ETag) storage gave the blob it created; no other blob ever has that version. The blob's <c>sentvia</c> mark
/// only saves the request that looks for the record when the upload never came through the app: a forged mark finds no
/// record, and the upload is recorded as sent by <see cref="UploadSenders.Storage"/>.
/// </remarks>
public sealed partial class UploadProcessor
{
    /// <summary>
    /// Stores <paramref name="content"/> in uploads under <paramref name="name"/> for <paramref name="sentBy"/> (never over
    /// an upload still waiting: null then) and records who sent that version at once, so that a run of the blob trigger
    /// that gets to it first records the same sender: that run looks for the record only after validating the upload.
    /// Process it next with <see cref="ProcessAsync(string, string, string, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="UploadNameException">The name cannot be addressed by the storage client.</exception>
    public async Task<string?> TryCreateAsync(string name, Stream content, string sentBy, ChangeNote? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(sentBy);
        var version = await uploads.TryCreateAsync(name, content, note, cancellationToken);
        if (version is not null)
        {
            await ledger.RecordSentAsync(name, version, sentBy, cancellationToken);
        }

        return version;
    }

    /// <summary>
    /// The sender of an upload found in storage: the one the app recorded for exactly this version, else storage. Only an
    /// upload with the app's mark costs a request.
    /// </summary>
    private async Task<string> SenderOfAsync(OpenedUpload upload, CancellationToken cancellationToken) =>
        upload.SentViaApp && await ledger.FindSenderAsync(upload.Name, upload.Version, cancellationToken) is { } sender
            ? sender
            : UploadSenders.Storage;
}
