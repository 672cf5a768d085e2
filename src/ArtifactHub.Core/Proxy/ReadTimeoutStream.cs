namespace ArtifactHub.Core.Proxy;

/// <summary>Gives up when the upstream sends nothing for the read timeout (a stalled body, not a slow large one).</summary>
internal sealed class ReadTimeoutStream(Stream inner, TimeSpan readTimeout) : ReadOnlyStream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(readTimeout);
        try
        {
            return await inner.ReadAsync(buffer, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no bytes from upstream for {readTimeout.TotalSeconds:0} s");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
