using ArtifactHub.Core;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Content;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Maintenance;

/// <summary>What one collection did.</summary>
public sealed record BlobGarbageCollection(int Examined, int Deleted, long BytesFreed, int StagedFilesDeleted);

/// <summary>
/// Deletes blobs no asset refers to once they are older than the grace period, and this node's staged files left by a
/// crash. The only place blobs are deleted: version and repository deletes remove rows, never bytes, because the same
/// content-addressed blob may be about to be referenced by an upload on another node. That upload touches the blob
/// when it finds it stored, so the blob is either young (skipped) or changed since listing (DeleteIfUnchanged refuses).
/// </summary>
public sealed class BlobGarbageCollector(
    ArtifactHubDbContext db,
    IBlobStore blobs,
    IClusterLock clusterLock,
    TimeProvider clock,
    IOptions<GarbageCollectionOptions> options,
    IOptions<ArtifactHubOptions> hub,
    ILogger<BlobGarbageCollector> logger)
{
    public const string LockKey = "blob-gc";

    private const int Batch = 500;

    /// <summary>Runs a collection, or returns null at once when another node (or request) is running one.</summary>
    public async Task<BlobGarbageCollection?> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromSeconds(options.Value.GracePeriodSeconds);

        // This node's own folder, outside the lock: nodes started together tick together, and the one that always
        // loses the lock would otherwise never clean its staging area.
        var staged = DeleteStagedFiles(cutoff);
        await using var held = await clusterLock.TryAcquireAsync(LockKey, cancellationToken);
        if (held is null)
        {
            logger.LogInformation("Blob garbage collection skipped: another node is running it ({StagedFilesDeleted} staged file(s) of this node deleted)", staged);
            return null;
        }

        int examined = 0, deleted = 0;
        long bytesFreed = 0;
        var old = new List<StoredBlob>(Batch);
        await foreach (var blob in blobs.ListAsync(cancellationToken))
        {
            examined++;
            if (blob.LastModified < cutoff)
            {
                old.Add(blob);
            }

            if (old.Count == Batch)
            {
                (deleted, bytesFreed) = Add((deleted, bytesFreed), await DeleteUnreferencedAsync(old, cancellationToken));
                old.Clear();
            }
        }

        (deleted, bytesFreed) = Add((deleted, bytesFreed), await DeleteUnreferencedAsync(old, cancellationToken));
        var result = new BlobGarbageCollection(examined, deleted, bytesFreed, staged);
        logger.LogInformation(
            "Blob garbage collection: examined {Examined} blob(s), deleted {Deleted} ({BytesFreed} bytes), deleted {StagedFilesDeleted} staged file(s); grace period {GracePeriodSeconds} s",
            result.Examined, result.Deleted, result.BytesFreed, result.StagedFilesDeleted, options.Value.GracePeriodSeconds);
        return result;
    }

    /// <summary>Asks which of the listed blobs rows refer to only now, after listing them: a row written since keeps its blob.</summary>
    private async Task<(int Deleted, long Bytes)> DeleteUnreferencedAsync(List<StoredBlob> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return (0, 0);
        }

        var shas = candidates.Select(b => b.Sha256).ToList();
        var referenced = (await db.Assets.AsNoTracking().Where(a => shas.Contains(a.BlobSha256)).Select(a => a.BlobSha256).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        int deleted = 0;
        long bytes = 0;
        foreach (var blob in candidates.Where(b => !referenced.Contains(b.Sha256)))
        {
            if (await blobs.DeleteIfUnchangedAsync(blob, cancellationToken))
            {
                deleted++;
                bytes += blob.Size;
            }
        }

        return (deleted, bytes);
    }

    /// <summary>Staged files older than the grace period: a request writing one is long over (a crash, or kill -9, left it).</summary>
    private int DeleteStagedFiles(DateTimeOffset cutoff)
    {
        var staging = new DirectoryInfo(hub.Value.FullStagingDir);
        if (!staging.Exists)
        {
            return 0;
        }

        var count = 0;
        foreach (var file in staging.EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < cutoff.UtcDateTime)
            {
                try
                {
                    file.Delete();
                    count++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    logger.LogWarning("Could not delete the staged file {Path}: {Reason}", file.FullName, e.Message);
                }
            }
        }

        return count;
    }

    private static (int, long) Add((int Deleted, long Bytes) a, (int Deleted, long Bytes) b) => (a.Deleted + b.Deleted, a.Bytes + b.Bytes);
}
