using ArtifactHub.Core.Content;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using Microsoft.Extensions.Caching.Memory;

namespace ArtifactHub.Formats.Go;

/// <summary>
/// .info/.mod/.zip rows never change, so a hot one is served without a query. A delete on this node evicts at
/// once; on another node sharing the database it shows within <see cref="Lifetime"/>. A hosted repository may also
/// have its misses remembered for <see cref="MissLifetime"/> (a group asks its hosted member first for every public
/// module): a publish on this node evicts them at once; one on another node shows within that time.
/// </summary>
public sealed class ImmutableAssetCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MissLifetime = TimeSpan.FromSeconds(5);

    private static readonly object Missing = new();

    /// <param name="rememberMiss">Remember "not here" briefly. Not for proxies: their misses are fetched and stored at once.</param>
    public async Task<Asset?> GetAsync(ArtifactHubDbContext db, Repository repository, string assetPath, CancellationToken cancellationToken, bool rememberMiss = false)
    {
        var key = Key(repository, assetPath);
        if (cache.TryGetValue(key, out object? cached))
        {
            if (cached is Asset hit)
            {
                return hit;
            }

            if (rememberMiss)
            {
                return null;
            }
        }

        var asset = await db.Assets.AtPathAsync(repository.Id, assetPath, cancellationToken);
        if (asset is not null)
        {
            cache.Set(key, asset, Lifetime);
        }
        else if (rememberMiss)
        {
            cache.Set(key, Missing, MissLifetime);
        }

        return asset;
    }

    public void Evict(Repository repository, string assetPath) => cache.Remove(Key(repository, assetPath));

    private static string Key(Repository repository, string assetPath) => $"go-asset:{repository.Id}:{assetPath}";
}
