using ArtifactHub.Core.Content;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using Microsoft.Extensions.Caching.Memory;

namespace ArtifactHub.Formats.Go;

/// <summary>
/// .info/.mod/.zip rows never change, so a hot one is served without a query. A delete on this node evicts at
/// once; on another node sharing the database it shows within <see cref="Lifetime"/>.
/// </summary>
public sealed class ImmutableAssetCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<Asset?> GetAsync(ArtifactHubDbContext db, Repository repository, string assetPath, CancellationToken cancellationToken)
    {
        var key = Key(repository, assetPath);
        if (cache.TryGetValue(key, out Asset? cached))
        {
            return cached;
        }

        var asset = await db.Assets.AtPathAsync(repository.Id, assetPath, cancellationToken);
        if (asset is not null)
        {
            cache.Set(key, asset, Lifetime);
        }

        return asset;
    }

    public void Evict(Repository repository, string assetPath) => cache.Remove(Key(repository, assetPath));

    private static string Key(Repository repository, string assetPath) => $"go-asset:{repository.Id}:{assetPath}";
}
