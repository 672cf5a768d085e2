namespace ArtifactHub.Core.Content;

/// <summary>
/// A named lock shared by every node on one database: at most one holder of a key at a time across the cluster.
/// Disposing the handle releases it; a node that dies releases its locks with it.
/// </summary>
public interface IClusterLock
{
    /// <summary>Waits until the lock on <paramref name="key"/> is free and takes it.</summary>
    Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);

    /// <summary>Takes the lock on <paramref name="key"/> if nobody holds it; null when somebody does (no wait).</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken cancellationToken);
}
