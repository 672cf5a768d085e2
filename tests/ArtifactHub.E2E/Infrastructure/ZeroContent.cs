using System.Net;

namespace ArtifactHub.E2E.Infrastructure;

/// <summary>
/// A request body of <paramref name="length"/> zero bytes generated on the fly from one small buffer, sent chunked
/// (no Content-Length), so a huge upload costs the test no memory.
/// </summary>
public sealed class ZeroContent(long length) : HttpContent
{
    private const int ChunkSize = 1 << 20;

    /// <summary>How many bytes were handed to the transport before it finished or gave up.</summary>
    public long BytesWritten { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        while (BytesWritten < length)
        {
            var n = (int)Math.Min(ChunkSize, length - BytesWritten);
            await stream.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            BytesWritten += n;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
