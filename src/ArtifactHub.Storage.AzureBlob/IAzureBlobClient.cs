namespace ArtifactHub.Storage.AzureBlob;

/// <summary>
/// What <see cref="AzureBlobStore"/> needs from one Azure Blob container. The seam for Azure.Storage.Blobs: today
/// <see cref="AzureBlobRestClient"/> speaks REST itself (the SDK does not restore here); an SDK-backed class implementing
/// this interface replaces it in one file plus the registration line in <see cref="AzureBlobServiceCollectionExtensions"/>.
/// </summary>
public interface IAzureBlobClient
{
    Task CreateContainerIfMissingAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="length"/> bytes from <paramref name="content"/> unless a blob of that name exists.</summary>
    /// <returns>True when this call created the blob, false when one was already there (it is never overwritten).</returns>
    Task<bool> UploadIfMissingAsync(string blobName, Stream content, long length, CancellationToken cancellationToken);

    /// <summary>
    /// The blob's bytes (or a range of them, clipped to the blob; none when it starts at or past the end) as a stream
    /// read from the network, or null when there is no such blob.
    /// </summary>
    Task<AzureBlobDownload?> DownloadAsync(string blobName, AzureBlobRange? range, CancellationToken cancellationToken);

    /// <summary>The blob's length, or null when there is no such blob.</summary>
    Task<long?> GetLengthAsync(string blobName, CancellationToken cancellationToken);

    /// <returns>False when there was nothing to delete.</returns>
    Task<bool> DeleteIfExistsAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Refreshes the blob's Last-Modified time and ETag without changing its content.</summary>
    /// <returns>False when there is no such (committed) blob.</returns>
    Task<bool> TouchAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Deletes the blob if its ETag is still <paramref name="etag"/>.</summary>
    /// <returns>False when it changed since (or is gone).</returns>
    Task<bool> DeleteIfMatchAsync(string blobName, string etag, CancellationToken cancellationToken);

    /// <summary>
    /// Every blob whose name starts with <paramref name="prefix"/>, page after page (for garbage collection), including
    /// blobs that have only uncommitted blocks.
    /// </summary>
    IAsyncEnumerable<AzureBlobItem> ListAsync(string prefix, CancellationToken cancellationToken);
}

/// <summary>Bytes from <paramref name="Offset"/>, <paramref name="Length"/> of them or to the end.</summary>
public readonly record struct AzureBlobRange(long Offset, long? Length = null)
{
    public string ToHeaderValue() => Length is { } length ? $"bytes={Offset}-{Offset + length - 1}" : $"bytes={Offset}-";
}

/// <summary>
/// An open download: dispose it to release the connection. <paramref name="Length"/> is the number of bytes the stream
/// holds, <paramref name="BlobLength"/> the size of the whole blob.
/// </summary>
public sealed record AzureBlobDownload(Stream Content, long Length, long BlobLength) : IDisposable
{
    public void Dispose() => Content.Dispose();
}

/// <summary>A listed blob; <paramref name="ETag"/> changes whenever the blob (or its metadata) does.</summary>
public sealed record AzureBlobItem(string Name, long Length, DateTimeOffset LastModified, string ETag);

/// <summary>The Blob service answered with an error we do not turn into a result.</summary>
public sealed class AzureBlobException(int status, string? errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>The x-ms-error-code, e.g. <c>AuthenticationFailed</c>, <c>ContainerNotFound</c>.</summary>
    public string? ErrorCode { get; } = errorCode;
}
