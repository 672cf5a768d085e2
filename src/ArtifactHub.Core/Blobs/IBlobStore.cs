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
/// A blob as a listing saw it. <paramref name="Version"/> changes whenever the blob is written or touched (an ETag, or
/// the file's time and size), so that a delete can refuse a blob changed since it was listed.
/// </summary>
public sealed record StoredBlob(string Sha256, long Size, DateTimeOffset LastModified, string Version);

/// <summary>
/// Content-addressed storage: a blob is named by the SHA-256 of its bytes, so a put is idempotent and
/// never overwrites different bytes. Providers: local disk (built in), Azure Blob (its own project).
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Moves a staged file (already hashed) into the store. When the blob is already there its last-modified time is
    /// refreshed ("touched"), so that garbage collection's grace period protects it until the caller's row refers to it.
    /// </summary>
    Task<BlobPutStatus> PutAsync(StagedFile staged, CancellationToken cancellationToken);

    /// <summary>Opens a blob for reading, or null when the store has none of that name.</summary>
    Task<BlobContent?> OpenReadAsync(string sha256, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken);

    Task DeleteAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Every content blob in the store, with what <see cref="DeleteIfUnchangedAsync"/> needs (for garbage collection).</summary>
    IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the blob unless it was written or touched since <paramref name="blob"/> was listed.</summary>
    /// <returns>True when this call deleted it; false when it changed (it is kept) or was already gone.</returns>
    Task<bool> DeleteIfUnchangedAsync(StoredBlob blob, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be written (for the readiness probe).</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
