using ArtifactHub.Core;

namespace ArtifactHub.Storage.AzureBlob;

/// <summary>A download's body, read from the network as the caller reads; disposing it releases the response and its connection.</summary>
internal sealed class ResponseBodyStream(HttpResponseMessage response, Stream body, long length) : ReadOnlyStream
{
    public override long Length => length;

    public override int Read(Span<byte> buffer) => body.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        body.ReadAsync(buffer, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
            response.Dispose();
        }

        base.Dispose(disposing);
    }
}
