namespace Pipeline.Core.Spreadsheets;

/// <summary>
/// Where the zip writes: synchronous writes land in a buffer, which <see cref="DrainAsync"/> empties into the real
/// output asynchronously. Not seekable, so the zip writes each entry once, its sizes after its data.
/// </summary>
internal sealed class DrainingStream : Stream
{
    private readonly MemoryStream _buffer = new();
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public async Task DrainAsync(Stream output, CancellationToken cancellationToken)
    {
        if (_buffer.Length > 0)
        {
            await output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken);
            _buffer.SetLength(0);
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _buffer.Write(buffer, offset, count);
        _written += count;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _buffer.Write(buffer);
        _written += buffer.Length;
    }

    public override void Flush()
    {
        // Nothing to do: the buffer is emptied by DrainAsync.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
