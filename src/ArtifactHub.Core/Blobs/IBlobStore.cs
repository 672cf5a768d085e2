namespace ArtifactHub.Core.Blobs;

public enum BlobPutStatus
{
    Created,
    AlreadyExists,
}

/// <summary>Bytes to read back: a stream, and where the store keeps them on local disk when it does (to send without copying).</summary>
public sealed record BlobContent(Stream Stream, long Length, string? LocalPath) : IDisposable
{
    public void Dispose() => Stream.Dispose();
}

/// <summary>
/// Content-addressed storage: a blob is named by the SHA-256 of its bytes, so a put is idempotent and
/// never overwrites different bytes. Providers: local disk (built in), Azure Blob (its own project).
/// </summary>
public interface IBlobStore
{
    /// <summary>Moves a staged file (already hashed) into the store.</summary>
    Task<BlobPutStatus> PutAsync(StagedFile staged, CancellationToken cancellationToken);

    /// <summary>Opens a blob for reading, or null when the store has none of that name.</summary>
    Task<BlobContent?> OpenReadAsync(string sha256, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken);

    Task DeleteAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be written (for the readiness probe).</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
