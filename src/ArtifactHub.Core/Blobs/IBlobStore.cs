namespace ArtifactHub.Core.Blobs;

public enum BlobPutStatus
{
    Created,
    AlreadyExists,
}

/// <summary>
/// Bytes to read back: a stream of <paramref name="Length"/> bytes, and where the store keeps the blob on local disk when
/// it does (to send without copying; the stream is then a <see cref="FileRangeStream"/> over its file handle).
/// </summary>
public sealed record BlobContent(Stream Stream, long Length, string? LocalPath) : IDisposable
{
    /// <summary>Where in the blob the stream's first byte is: 0 for a whole read, the clipped start of a ranged one.</summary>
    public long Offset { get; init; }

    /// <summary>The size of the whole blob (the stream may hold a range of it): what a reader that seeks needs to know.</summary>
    public long BlobLength { get; init; } = Length;

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

    /// <summary>
    /// Opens bytes <paramref name="range"/> of a blob, or null when the store has none of that name. The range is clipped
    /// to the blob: the content's <see cref="BlobContent.Length"/> is what the stream holds (0 for a range that starts at
    /// or past the end), its <see cref="BlobContent.Offset"/> where it starts, its <see cref="BlobContent.BlobLength"/>
    /// the size of the whole blob.
    /// </summary>
    Task<BlobContent?> OpenReadAsync(string sha256, BlobRange range, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Every content blob in the store, with what <see cref="DeleteIfUnchangedAsync"/> needs (for garbage collection).</summary>
    IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the blob unless it was written or touched since <paramref name="blob"/> was listed.</summary>
    /// <returns>True when this call deleted it; false when it changed (it is kept) or was already gone.</returns>
    Task<bool> DeleteIfUnchangedAsync(StoredBlob blob, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be written (for the readiness probe).</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
