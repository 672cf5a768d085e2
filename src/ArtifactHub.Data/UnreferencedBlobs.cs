using ArtifactHub.Core.Blobs;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data;

/// <summary>After assets are deleted, removes the blobs that no asset names any more (blobs are shared by content).</summary>
public static class UnreferencedBlobs
{
    public static async Task DeleteAsync(ArtifactHubDbContext db, IBlobStore blobs, IEnumerable<string> candidates, CancellationToken cancellationToken)
    {
        foreach (var sha256 in candidates.Distinct())
        {
            if (!await db.Assets.AnyAsync(a => a.BlobSha256 == sha256, cancellationToken))
            {
                await blobs.DeleteAsync(sha256, cancellationToken);
            }
        }
    }
}
