using System.Buffers;
using System.Security.Cryptography;

namespace Pipeline.Core.Validation;

/// <summary>
/// A read-only pass-through that hashes every byte it hands on (SHA-256) and counts them. It never reads more than
/// <c>maxBytes + 1</c> bytes from the source: once a file is known to be over the limit it reports the end of the stream
/// and sets <see cref="LimitExceeded"/>, so an endless or huge source costs no more than the limit.
/// </summary>
internal sealed class MeteredStream(Stream source, long maxBytes, CancellationToken readToken) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public bool LimitExceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>The lowercase hex SHA-256 of every byte read so far.</summary>
    public string GetHashHex() => Convert.ToHexStringLower(hash.GetCurrentHash());

    /// <summary>Reads (and so hashes) the rest of the source.</summary>
    public async Task DrainAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await ReadAsync(buffer, readToken) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (LimitExceeded || buffer.IsEmpty)
        {
            return 0;
        }

        readToken.ThrowIfCancellationRequested();
        var read = source.Read(buffer[..Clamp(buffer.Length)]);
        return Account(buffer[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (LimitExceeded || buffer.IsEmpty)
        {
            return 0;
        }

        // The parser above us reads without a token; the one given to the validator is the one that counts.
        var token = cancellationToken.CanBeCanceled ? cancellationToken : readToken;
        var read = await source.ReadAsync(buffer[..Clamp(buffer.Length)], token);
        return Account(buffer.Span[..read]);
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
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    // At most one byte past the limit: enough to know the file is too large, and no more.
    private int Clamp(int requested)
    {
        var allowed = maxBytes - BytesRead;
        return allowed >= requested ? requested : (int)allowed + 1;
    }

    private int Account(ReadOnlySpan<byte> read)
    {
        BytesRead += read.Length;
        if (BytesRead > maxBytes)
        {
            LimitExceeded = true;
            return 0;
        }

        hash.AppendData(read);
        return read.Length;
    }
}
