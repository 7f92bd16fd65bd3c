namespace Pipeline.Core.Ports;

/// <summary>An upload opened for reading: its bytes and what storage knows about it.</summary>
public sealed class OpenedUpload(string name, Stream content, long length, DateTimeOffset uploadedAt, string version, bool leased = false) : IAsyncDisposable
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

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
