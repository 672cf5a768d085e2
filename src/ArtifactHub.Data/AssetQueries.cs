using ArtifactHub.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data;

public static class AssetQueries
{
    /// <summary>The asset stored at a path of a repository, read-only; the lookup every content read starts with.</summary>
    public static Task<Asset?> AtPathAsync(this IQueryable<Asset> assets, int repositoryId, string path, CancellationToken cancellationToken) =>
        assets.AsNoTracking().FirstOrDefaultAsync(a => a.RepositoryId == repositoryId && a.Path == path, cancellationToken);
}
