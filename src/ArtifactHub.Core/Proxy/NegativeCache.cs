using Microsoft.Extensions.Caching.Memory;

namespace ArtifactHub.Core.Proxy;

/// <summary>An upstream's "not found", remembered per repository and path for the repository's negative-cache time.</summary>
public sealed class NegativeCache(IMemoryCache cache)
{
    public void Remember(int repositoryId, string assetPath, TimeSpan lifetime)
    {
        if (lifetime > TimeSpan.Zero)
        {
            cache.Set(Key(repositoryId, assetPath), true, lifetime);
        }
    }

    public bool Knows(int repositoryId, string assetPath) => cache.TryGetValue(Key(repositoryId, assetPath), out _);

    private static string Key(int repositoryId, string assetPath) => $"proxy-missing:{repositoryId}:{assetPath}";
}
