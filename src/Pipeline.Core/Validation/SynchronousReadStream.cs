namespace Pipeline.Core.Validation;

/// <summary>
/// A read-only view of a local file or pipe whose asynchronous reads are done synchronously, on the caller's thread.
/// On Linux a FileStream's asynchronous read is a hop to the thread pool; validating a 10 MiB file took about 160 of
/// them, and on a busy machine the waits for a pool thread cost more than the reading (#16). A command-line run has
/// nothing else for its thread to do, so blocking on a local read is the cheaper choice. Not for network streams.
/// </summary>
internal sealed class SynchronousReadStream(Stream source) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => source.CanSeek;

    public override bool CanWrite => false;

    public override long Length => source.Length;

    public override long Position
    {
        get => source.Position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => source.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => source.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(source.Read(buffer.Span));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            source.Dispose();
        }

        base.Dispose(disposing);
    }
}
