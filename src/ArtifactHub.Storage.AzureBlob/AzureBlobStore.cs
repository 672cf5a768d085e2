using System.Runtime.CompilerServices;
using ArtifactHub.Core.Blobs;

namespace ArtifactHub.Storage.AzureBlob;

/// <summary>
/// Content-addressed blobs in one Azure Blob container, named <c>{aa}/{bb}/{sha256}</c> as on disk. A put never
/// overwrites: the blob is created with If-None-Match: *, so concurrent puts of the same bytes store them once.
/// </summary>
public sealed class AzureBlobStore(IAzureBlobClient client) : IBlobStore
{
    private readonly SemaphoreSlim containerLock = new(1, 1);
    private volatile bool containerReady;

    public async Task<BlobPutStatus> PutAsync(StagedFile staged, CancellationToken cancellationToken)
    {
        var name = BlobNames.RelativePath(staged.Sha256);
        if (await client.TouchAsync(name, cancellationToken).ConfigureAwait(false))
        {
            return BlobPutStatus.AlreadyExists; // nothing to send; its new Last-Modified keeps garbage collection off it
        }

        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await using var file = new FileStream(staged.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await client.UploadIfMissingAsync(name, file, staged.Size, cancellationToken).ConfigureAwait(false)
            ? BlobPutStatus.Created
            : BlobPutStatus.AlreadyExists;
    }

    public async Task<BlobContent?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var download = await client.DownloadAsync(BlobNames.RelativePath(sha256), null, cancellationToken).ConfigureAwait(false);
        return download is null ? null : new BlobContent(download.Content, download.Length, LocalPath: null) { BlobLength = download.BlobLength };
    }

    /// <summary>A ranged GET (x-ms-range); a range of no bytes asks only for the blob's length (a HEAD), as no x-ms-range can say "none".</summary>
    public async Task<BlobContent?> OpenReadAsync(string sha256, BlobRange range, CancellationToken cancellationToken)
    {
        var name = BlobNames.RelativePath(sha256);
        if (range.Length == 0)
        {
            return await client.GetLengthAsync(name, cancellationToken).ConfigureAwait(false) is { } size
                ? new BlobContent(Stream.Null, 0, LocalPath: null) { Offset = Math.Min(range.Offset, size), BlobLength = size }
                : null;
        }

        // Past long.MaxValue the last byte cannot be written down: ask for everything from the offset, which is the same.
        var wanted = range.Length > long.MaxValue - range.Offset ? new AzureBlobRange(range.Offset) : new AzureBlobRange(range.Offset, range.Length);
        var download = await client.DownloadAsync(name, wanted, cancellationToken).ConfigureAwait(false);
        return download is null
            ? null
            : new BlobContent(download.Content, download.Length, LocalPath: null) { Offset = range.ClipTo(download.BlobLength).Offset, BlobLength = download.BlobLength };
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) =>
        await client.GetLengthAsync(BlobNames.RelativePath(sha256), cancellationToken).ConfigureAwait(false) is not null;

    public async IAsyncEnumerable<StoredBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var item in client.ListAsync("", cancellationToken).ConfigureAwait(false))
        {
            // Probes and anything else not named like a content blob are not ours to collect.
            if (BlobNames.Sha256Of(item.Name) is { } sha256)
            {
                yield return new StoredBlob(sha256, item.Length, item.LastModified, item.ETag);
            }
        }
    }

    public async Task<bool> DeleteIfUnchangedAsync(StoredBlob blob, CancellationToken cancellationToken)
    {
        var name = BlobNames.RelativePath(blob.Sha256);
        if (await client.DeleteIfMatchAsync(name, blob.Version, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        // Only uncommitted blocks (an upload cut off before its commit) take no condition. They are old, or they would
        // not be collected; the one risk is a new upload of the same bytes putting blocks this very moment, which then
        // fails its commit and is retried by its client: nobody was told those bytes were stored.
        return await client.GetLengthAsync(name, cancellationToken).ConfigureAwait(false) is null
            && await client.DeleteIfExistsAsync(name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the container when missing, then writes and deletes a probe blob outside the content namespace.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        containerReady = false;
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var probe = $"{ProbePrefix}{Guid.NewGuid():N}";
        using var bytes = new MemoryStream([1], writable: false);
        await client.UploadIfMissingAsync(probe, bytes, 1, cancellationToken).ConfigureAwait(false);
        await client.DeleteIfExistsAsync(probe, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Readiness probes live under this prefix; content blobs start with two hex digits.</summary>
    public const string ProbePrefix = "probes/";

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (containerReady)
        {
            return;
        }

        await containerLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!containerReady)
            {
                await client.CreateContainerIfMissingAsync(cancellationToken).ConfigureAwait(false);
                containerReady = true;
            }
        }
        finally
        {
            containerLock.Release();
        }
    }
}
