using ArtifactHub.Core.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ArtifactHub.Data;

/// <summary>
/// Repositories by name, each kept briefly with its parsed settings: every content request needs one, and they rarely
/// change. A change made on this node evicts at once; one made on another node sharing the database shows within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class RepositoryDirectory(ArtifactHubDbContext db, IMemoryCache cache) : IRepositoryDirectory
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<RepositoryContext?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = RepositoryName.Normalize(name);
        if (cache.TryGetValue(Key(normalized), out RepositoryContext? cached))
        {
            return cached;
        }

        var row = await db.Repositories.AsNoTracking().FirstOrDefaultAsync(r => r.Name == normalized, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var repository = RepositoryContext.Of(row);
        cache.Set(Key(normalized), repository, Lifetime);
        return repository;
    }

    public void Evict(string name) => cache.Remove(Key(RepositoryName.Normalize(name)));

    private static string Key(string normalizedName) => "repository:" + normalizedName;
}
