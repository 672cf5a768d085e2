using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints;

/// <summary>What a repository holds: distinct component names (Go: module paths), versions, its files (assets) and their bytes.</summary>
public sealed record RepositoryCounts(int Modules, int Versions, int Files, long StorageBytes)
{
    public static readonly RepositoryCounts Empty = new(0, 0, 0, 0);
}

public static class RepositoryStatistics
{
    /// <summary>
    /// The counts of each repository in <paramref name="repositories"/> by id, in two grouped queries; a group has
    /// none (its members hold the content), so it is not in the answer.
    /// </summary>
    public static async Task<Dictionary<int, RepositoryCounts>> CountAsync(
        ArtifactHubDbContext db, IReadOnlyCollection<Repository> repositories, CancellationToken cancellationToken)
    {
        var ids = repositories.Where(r => r.Type != RepositoryType.Group).Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var components = await db.Components.Where(c => ids.Contains(c.RepositoryId))
            .GroupBy(c => c.RepositoryId)
            .Select(g => new { RepositoryId = g.Key, Modules = g.Select(c => c.Name).Distinct().Count(), Versions = g.Count() })
            .ToDictionaryAsync(x => x.RepositoryId, cancellationToken);
        var files = await db.Assets.Where(a => ids.Contains(a.RepositoryId))
            .GroupBy(a => a.RepositoryId)
            .Select(g => new { RepositoryId = g.Key, Files = g.Count(), Bytes = g.Sum(a => a.Size) })
            .ToDictionaryAsync(x => x.RepositoryId, cancellationToken);
        return ids.ToDictionary(
            id => id,
            id => new RepositoryCounts(
                components.GetValueOrDefault(id)?.Modules ?? 0, components.GetValueOrDefault(id)?.Versions ?? 0, files.GetValueOrDefault(id)?.Files ?? 0, files.GetValueOrDefault(id)?.Bytes ?? 0));
    }

    /// <summary>The counts of one repository; null for a group.</summary>
    public static async Task<RepositoryCounts?> CountAsync(ArtifactHubDbContext db, Repository repository, CancellationToken cancellationToken) =>
        (await CountAsync(db, [repository], cancellationToken)).GetValueOrDefault(repository.Id);
}
