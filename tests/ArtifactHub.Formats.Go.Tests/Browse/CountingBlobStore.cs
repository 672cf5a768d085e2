using ArtifactHub.Core.Blobs;

namespace ArtifactHub.Formats.Go.Tests.Browse;

/// <summary>A real store with a tally of what readers took from it: how many opens, and how many bytes they read.</summary>
public sealed class CountingBlobStore(IBlobStore inner) : IBlobStore
{
    private long reads;
    private long bytesRead;

    /// <summary>Whole and ranged opens (on Azure, a GET of the blob each).</summary>
    public long Reads => Interlocked.Read(ref reads);

    /// <summary>The bytes read from the opened contents' streams.</summary>
    public long BytesRead => Interlocked.Read(ref bytesRead);

    public async Task<BlobContent?> OpenReadAsync(string sha256, CancellationToken cancellationToken) =>
        Count(await inner.OpenReadAsync(sha256, cancellationToken));

    public async Task<BlobContent?> OpenReadAsync(string sha256, BlobRange range, CancellationToken cancellationToken) =>
        Count(await inner.OpenReadAsync(sha256, range, cancellationToken));

    public Task<BlobPutStatus> PutAsync(StagedFile staged, CancellationToken cancellationToken) => inner.PutAsync(staged, cancellationToken);

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) => inner.ExistsAsync(sha256, cancellationToken);


    public IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

    public Task<bool> DeleteIfUnchangedAsync(StoredBlob blob, CancellationToken cancellationToken) => inner.DeleteIfUnchangedAsync(blob, cancellationToken);

    public Task CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);

    private BlobContent? Count(BlobContent? content)
    {
        Interlocked.Increment(ref reads);
        return content is null ? null : content with { Stream = new CountingStream(content.Stream, n => Interlocked.Add(ref bytesRead, n)) };
    }

    /// <summary>Passes reads and seeks through, and tells how many bytes each read gave.</summary>
    private sealed class CountingStream(Stream inner, Action<int> counted) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Counted(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            counted(read);
            return read;
        }
    }
}
