namespace Pipeline.Core.Ports;

/// <summary>An upload opened for reading: its bytes and what storage knows about it.</summary>
public sealed class OpenedUpload(
    string name, Stream content, long length, DateTimeOffset uploadedAt, string version, bool leased = false, bool sentViaApp = false) : IAsyncDisposable
{
    public string Name { get; } = name;

    public Stream Content { get; } = content;

    public long Length { get; } = length;

    /// <summary>When the blob was created in the uploads container; orders corrections of one quarter.</summary>
    public DateTimeOffset UploadedAt { get; } = uploadedAt;

    /// <summary>The blob's ETag: every later step acts on exactly this version of the blob, or not at all.</summary>
    public string Version { get; } = version;

    /// <summary>Another client holds a lease on the blob, so it cannot be deleted until the lease is released.</summary>
    public bool Leased { get; } = leased;

    /// <summary>
    /// The blob carries the app's mark (<see cref="IUploadStore.TryCreateAsync"/>): worth looking for the sender the app
    /// recorded (<see cref="IUploadLedger.FindSenderAsync"/>). Only a hint: anyone who can write to uploads can set it, so it
    /// never names a sender by itself, and without such a record the upload came from storage.
    /// </summary>
    public bool SentViaApp { get; } = sentViaApp;

    /// <summary>The sender's reason and kind of change, from the blob's metadata <c>reason</c> and <c>kind</c>; none when not given.</summary>
    public Returns.ChangeNote Note { get; init; } = new(null, null);

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
