using ArtifactHub.Core.Content;
using Microsoft.Extensions.Caching.Memory;

namespace ArtifactHub.Data;

/// <summary>
/// Asset rows that never change, kept in memory so that a hot one is served without a query. The content store's own
/// writes and deletes forget at once; one on another node sharing the database shows within <see cref="Lifetime"/>.
/// A hosted repository may also have its misses remembered for <see cref="MissLifetime"/> (a group asks its hosted
/// member first for every public module): a publish on this node forgets them at once, one on another within that time.
/// </summary>
public sealed class AssetMemory(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MissLifetime = TimeSpan.FromSeconds(5);

    private static readonly object Missing = new();

    /// <summary>True when memory knows: the row, or (when misses count) null for "not here".</summary>
    public bool TryRecall(int repositoryId, string path, bool misses, out Asset? asset)
    {
        asset = null;
        if (!cache.TryGetValue(Key(repositoryId, path), out object? known))
        {
            return false;
        }

        asset = known as Asset;
        return asset is not null || misses;
    }

    public void Remember(int repositoryId, string path, Asset? asset, bool misses)
    {
        if (asset is not null)
        {
            cache.Set(Key(repositoryId, path), asset, Lifetime);
        }
        else if (misses)
        {
            cache.Set(Key(repositoryId, path), Missing, MissLifetime);
        }
    }

    public void Forget(int repositoryId, string path) => cache.Remove(Key(repositoryId, path));

    private static string Key(int repositoryId, string path) => $"asset:{repositoryId}:{path}";
}
