using ArtifactHub.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data;

/// <summary>The reads of browsing (<see cref="IContentQueries"/>), every one a single query.</summary>
public sealed class ContentQueries(ArtifactHubDbContext db) : IContentQueries
{
    public async Task<(IReadOnlyList<string> Names, int Total)> ComponentNamesAsync(
        IReadOnlyList<int> repositoryIds, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var components = db.Components.Where(c => repositoryIds.Contains(c.RepositoryId));
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Ignores case on every provider (LIKE does on SQLite only).
            var lower = search.Trim().ToLowerInvariant();
            components = components.Where(c => c.Name.ToLower().Contains(lower));
        }

        var names = components.GroupBy(c => c.Name).Select(g => g.Key);
        var total = await names.CountAsync(cancellationToken);
        var skip = (long)(page - 1) * pageSize;
        var items = skip >= total ? [] : await names.OrderBy(n => n).Skip((int)skip).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<IReadOnlyList<Component>> ComponentsAsync(
        IReadOnlyList<int> repositoryIds, IReadOnlyCollection<string> names, string? version, bool withAssets, CancellationToken cancellationToken)
    {
        var components = db.Components.AsNoTracking().Where(c => repositoryIds.Contains(c.RepositoryId) && names.Contains(c.Name));
        if (version is not null)
        {
            components = components.Where(c => c.Version == version);
        }

        return await (withAssets ? components.Include(c => c.Assets) : components).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Asset>> AssetsUnderAsync(IReadOnlyList<int> repositoryIds, string prefix, CancellationToken cancellationToken, int? limit = null)
    {
        var assets = db.Assets.AsNoTracking().Where(a => repositoryIds.Contains(a.RepositoryId));
        if (prefix.Length > 0)
        {
            // StartsWith is a LIKE, which uses the index but ignores case on SQLite; the substring makes it exact, as paths are.
            assets = assets.Where(a => a.Path.StartsWith(prefix) && a.Path.Substring(0, prefix.Length) == prefix);
        }

        return await (limit is { } most ? assets.Take(most) : assets).ToListAsync(cancellationToken);
    }
}
