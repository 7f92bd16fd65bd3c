using System.Text;

namespace Pipeline.Core.Tests.Validation;

/// <summary>A stream that fails the test if anything reads it.</summary>
internal sealed class UnreadableStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => 0; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The stream was read.");

    public override int Read(Span<byte> buffer) => throw new InvalidOperationException("The stream was read.");

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The stream was read.");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The stream was read.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// A CSV made on the fly, never held whole: a header, then <c>line(i)</c> for i = 0, 1, ... until at least
/// <paramref name="totalBytes"/> bytes (null: for ever). It can run a callback at every mebibyte read.
/// </summary>
internal sealed class GeneratedCsvStream(string header, Func<long, string> line, long? totalBytes, Action? everyMebibyte = null) : Stream
{
    private const int Mebibyte = 1024 * 1024;
    private byte[] current = Encoding.UTF8.GetBytes(header + "\n");
    private int offset;
    private long nextLine;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (offset == current.Length)
            {
                if (totalBytes is { } total && BytesRead + written >= total)
                {
                    break;
                }

                current = Encoding.UTF8.GetBytes(line(nextLine++) + "\n");
                offset = 0;
            }

            var n = Math.Min(buffer.Length - written, current.Length - offset);
            current.AsSpan(offset, n).CopyTo(buffer[written..]);
            offset += n;
            written += n;
        }

        if (everyMebibyte is not null && (BytesRead / Mebibyte) != ((BytesRead + written) / Mebibyte))
        {
            everyMebibyte();
        }

        BytesRead += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
