using ArtifactHub.Data;
using ArtifactHub.Formats.Go;
using ArtifactHub.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints;

/// <summary>
/// Browse what a repository holds: its modules, each module's versions with their hashes and downloads, a version's
/// files (<see cref="VersionBrowseEndpoints"/>). A group answers from its members (<see cref="BrowseSources"/>).
/// </summary>
public static class BrowseEndpoints
{
    public static IEndpointRouteBuilder MapBrowseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/repositories/{name}").RequireAuthorization(Policies.ReadRepository).WithTags("Browse");
        group.MapGet("/modules", ListModulesAsync);
        group.MapGet("/modules/{**module}", GetModuleAsync);
        group.MapVersionBrowseEndpoints();
        return app;
    }

    /// <summary>For a group, the union of the members' modules, each summarised from the first member that holds it.</summary>
    private static async Task<IResult> ListModulesAsync(
        string name, ArtifactHubDbContext db, CancellationToken cancellationToken, string? search = null, int page = 1, int pageSize = 50)
    {
        if (Paging.Problem(page, pageSize) is { } problem)
        {
            return problem;
        }

        var repository = await RepositoryEndpoints.FindAsync(db, name, cancellationToken);
        if (repository is null)
        {
            return RepositoryEndpoints.NotFound(name);
        }

        var ids = await BrowseSources.RepositoryIdsAsync(db, repository, cancellationToken);
        var components = db.Components.Where(c => ids.Contains(c.RepositoryId));
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Ignores case on every provider (LIKE does on SQLite only).
            var lower = search.Trim().ToLowerInvariant();
            components = components.Where(c => c.Name.ToLower().Contains(lower));
        }

        var (names, total) = await Paging.PageAsync(components.GroupBy(c => c.Name).Select(g => g.Key).OrderBy(n => n), page, pageSize, cancellationToken);
        var versions = await db.Components.AsNoTracking()
            .Where(c => ids.Contains(c.RepositoryId) && names.Contains(c.Name))
            .Select(c => new { c.RepositoryId, c.Name, c.Version, c.CreatedAt, c.DownloadCount })
            .ToListAsync(cancellationToken);
        var items = versions.GroupBy(v => v.Name)
            .OrderBy(g => names.IndexOf(g.Key))
            .Select(g =>
            {
                var holder = g.MinBy(v => ids.Rank(v.RepositoryId))!.RepositoryId;
                var held = g.Where(v => v.RepositoryId == holder).ToList();
                return new ModuleSummary(g.Key, held.Count, GoVersion.Latest(held.Select(v => v.Version)), held.Max(v => v.CreatedAt), held.Sum(v => v.DownloadCount));
            })
            .ToList();
        return Results.Ok(new PagedList<ModuleSummary>(items, page, pageSize, total));
    }

    private static async Task<IResult> GetModuleAsync(string name, string module, ArtifactHubDbContext db, CancellationToken cancellationToken)
    {
        var repository = await RepositoryEndpoints.FindAsync(db, name, cancellationToken);
        if (repository is null)
        {
            return RepositoryEndpoints.NotFound(name);
        }

        var ids = await BrowseSources.RepositoryIdsAsync(db, repository, cancellationToken);
        var components = await db.Components.AsNoTracking().Include(c => c.Assets)
            .Where(c => ids.Contains(c.RepositoryId) && c.Name == module)
            .ToListAsync(cancellationToken);
        if (components.Count == 0)
        {
            return ModuleNotFound(repository.Name, module);
        }

        var holder = components.MinBy(c => ids.Rank(c.RepositoryId))!.RepositoryId;
        var versions = components
            .Where(c => c.RepositoryId == holder)
            .OrderByDescending(c => c.Version, GoSemver.Comparer)
            .Select(c =>
            {
                var zip = c.Assets.FirstOrDefault(a => a.Kind == GoContent.ZipKind);
                var mod = c.Assets.FirstOrDefault(a => a.Kind == GoContent.ModKind);
                return new ModuleVersion(c.Version, c.CreatedAt, zip?.Size ?? 0, zip?.FormatHash, mod?.FormatHash, c.DownloadCount);
            })
            .ToList();
        return Results.Ok(new ModuleDetail(module, versions));
    }

    internal static IResult ModuleNotFound(string repository, string module) =>
        Results.Problem(statusCode: 404, title: "Module not found", detail: $"Repository '{repository}' has no module '{module}'.");
}
