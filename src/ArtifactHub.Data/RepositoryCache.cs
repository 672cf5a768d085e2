using ArtifactHub.Core.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ArtifactHub.Data;

/// <summary>
/// Repository rows by name, kept briefly: every content request needs one, and they rarely change. A change made
/// on this node evicts at once; one made on another node sharing the database shows within <see cref="Lifetime"/>.
/// </summary>
public sealed class RepositoryCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<Repository?> FindAsync(ArtifactHubDbContext db, string name, CancellationToken cancellationToken)
    {
        var normalized = RepositoryName.Normalize(name);
        if (cache.TryGetValue(Key(normalized), out Repository? cached))
        {
            return cached;
        }

        var repository = await db.Repositories.AsNoTracking().FirstOrDefaultAsync(r => r.Name == normalized, cancellationToken);
        if (repository is not null)
        {
            cache.Set(Key(normalized), repository, Lifetime);
        }

        return repository;
    }

    public void Evict(string name) => cache.Remove(Key(RepositoryName.Normalize(name)));

    private static string Key(string normalizedName) => "repository:" + normalizedName;
}
