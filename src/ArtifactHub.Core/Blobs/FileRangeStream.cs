using Microsoft.Win32.SafeHandles;

namespace ArtifactHub.Core.Blobs;

/// <summary>
/// Bytes [<see cref="Start"/>, <see cref="Start"/> + <see cref="Length"/>) of an open file, read at their file offsets
/// (<see cref="RandomAccess"/>) and seekable within the range. The handle is public so that a server can send the range
/// straight from it; disposing the stream closes it.
/// </summary>
public sealed class FileRangeStream : Stream
{
    private long position;

    public FileRangeStream(SafeFileHandle handle, long start, long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Handle = handle;
        Start = start;
        Length = length;
    }

    public SafeFileHandle Handle { get; }

    /// <summary>The file offset of the stream's first byte.</summary>
    public long Start { get; }

    public override long Length { get; }

    public override bool CanRead => !Handle.IsClosed;

    public override bool CanSeek => !Handle.IsClosed;

    public override bool CanWrite => false;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a position is 0 or more");
    }

    public override int Read(Span<byte> buffer)
    {
        var read = RandomAccess.Read(Handle, buffer[..Available(buffer.Length)], Start + position);
        position += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await RandomAccess.ReadAsync(Handle, buffer[..Available(buffer.Length)], Start + position, cancellationToken).ConfigureAwait(false);
        position += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Handle.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>How many of <paramref name="wanted"/> bytes are left in the range (never a byte past its end, which the file may well have).</summary>
    private int Available(int wanted)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        return (int)Math.Clamp(Length - position, 0, wanted);
    }
}
