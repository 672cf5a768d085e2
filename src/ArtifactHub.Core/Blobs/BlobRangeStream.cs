namespace ArtifactHub.Core.Blobs;

/// <summary>
/// A read-only, seekable stream over a stored blob that reads it through ranged reads of the store, a block ahead at a
/// time: for a reader that jumps about (a zip's central directory, then the entries asked for) in a blob whose store
/// streams downloads that cannot seek (Azure Blob). Nothing but the blocks read is fetched, and one block is held.
/// </summary>
public sealed class BlobRangeStream : Stream
{
    /// <summary>One ranged read fetches at least this much: a zip reader's many small reads of its directory become a few.</summary>
    public const int DefaultReadAhead = 64 * 1024;

    private readonly IBlobStore blobs;
    private readonly string sha256;
    private readonly byte[] block;
    private long blockStart;
    private int blockLength;
    private long position;

    private BlobRangeStream(IBlobStore blobs, string sha256, long length, byte[] block, int blockLength)
    {
        this.blobs = blobs;
        this.sha256 = sha256;
        this.block = block;
        this.blockLength = blockLength;
        Length = length;
    }

    /// <summary>
    /// Opens the blob by reading its first block, which tells the blob's length (a blob no larger than a block is then
    /// read in this one request); null when the store has no such blob.
    /// </summary>
    public static async Task<BlobRangeStream?> OpenAsync(IBlobStore blobs, string sha256, int readAhead, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(readAhead, 1);
        using var first = await blobs.OpenReadAsync(sha256, new BlobRange(0, readAhead), cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return null;
        }

        var block = new byte[readAhead];
        var read = await ReadFullyAsync(first, block, cancellationToken).ConfigureAwait(false);
        return new BlobRangeStream(blobs, sha256, first.BlobLength, block, read);
    }

    public override long Length { get; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a position is 0 or more");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0 || position >= Length)
        {
            return 0;
        }

        if (!InBlock(position))
        {
            if (buffer.Length >= block.Length)
            {
                // A read as large as a block goes straight into the caller's buffer.
                var direct = await ReadRangeAsync(position, buffer[..(int)Math.Min(buffer.Length, Length - position)], cancellationToken).ConfigureAwait(false);
                position += direct;
                return direct;
            }

            // The block that holds the position, moved back from the end when it would reach past it: a zip reader reads
            // backwards from the end to find its directory, and one block then serves all of that.
            var start = Math.Max(0, Math.Min(position, Length - block.Length));
            blockLength = 0;
            blockLength = await ReadRangeAsync(start, block.AsMemory(0, (int)Math.Min(block.Length, Length - start)), cancellationToken).ConfigureAwait(false);
            blockStart = start;
            if (!InBlock(position))
            {
                throw new IOException($"blob {sha256} gave fewer bytes than its length of {Length}");
            }
        }

        var offset = (int)(position - blockStart);
        var count = Math.Min(buffer.Length, blockLength - offset);
        block.AsMemory(offset, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Blocks on the ranged read: for synchronous readers only (ZipArchive's constructor and sync APIs; prefer their async forms).</summary>
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

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

    private bool InBlock(long at) => at >= blockStart && at < blockStart + blockLength;

    /// <summary>Reads <paramref name="into"/>.Length bytes from <paramref name="offset"/> (all within the blob) with one ranged read.</summary>
    private async Task<int> ReadRangeAsync(long offset, Memory<byte> into, CancellationToken cancellationToken)
    {
        using var content = await blobs.OpenReadAsync(sha256, new BlobRange(offset, into.Length), cancellationToken).ConfigureAwait(false)
            ?? throw new IOException($"blob {sha256} is no longer in the store");
        return await ReadFullyAsync(content, into, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReadFullyAsync(BlobContent content, Memory<byte> into, CancellationToken cancellationToken)
    {
        var wanted = (int)Math.Min(into.Length, content.Length);
        await content.Stream.ReadExactlyAsync(into[..wanted], cancellationToken).ConfigureAwait(false);
        return wanted;
    }
}
