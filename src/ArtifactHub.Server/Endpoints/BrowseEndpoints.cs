using ArtifactHub.Data;
using ArtifactHub.Formats.Go;
using ArtifactHub.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints;

/// <summary>Browse what a repository holds: its modules, and each module's versions with their hashes.</summary>
public static class BrowseEndpoints
{
    public static IEndpointRouteBuilder MapBrowseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/repositories/{name}/modules").RequireAuthorization(Policies.ReadRepository).WithTags("Browse");
        group.MapGet("/", ListModulesAsync);
        group.MapGet("/{**module}", GetModuleAsync);
        return app;
    }

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

        var components = db.Components.Where(c => c.RepositoryId == repository.Id);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Ignores case on every provider (LIKE does on SQLite only).
            var lower = search.Trim().ToLowerInvariant();
            components = components.Where(c => c.Name.ToLower().Contains(lower));
        }

        var (names, total) = await Paging.PageAsync(components.GroupBy(c => c.Name).Select(g => g.Key).OrderBy(n => n), page, pageSize, cancellationToken);
        var versions = await db.Components.AsNoTracking()
            .Where(c => c.RepositoryId == repository.Id && names.Contains(c.Name))
            .Select(c => new { c.Name, c.Version, c.CreatedAt })
            .ToListAsync(cancellationToken);
        var items = versions.GroupBy(v => v.Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ModuleSummary(g.Key, g.Count(), GoVersion.Latest(g.Select(v => v.Version)), g.Max(v => v.CreatedAt)))
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

        var components = await db.Components.AsNoTracking().Include(c => c.Assets)
            .Where(c => c.RepositoryId == repository.Id && c.Name == module)
            .ToListAsync(cancellationToken);
        if (components.Count == 0)
        {
            return Results.Problem(statusCode: 404, title: "Module not found", detail: $"Repository '{repository.Name}' has no module '{module}'.");
        }

        var versions = components
            .OrderByDescending(c => c.Version, GoSemver.Comparer)
            .Select(c =>
            {
                var zip = c.Assets.FirstOrDefault(a => a.Kind == "zip");
                var mod = c.Assets.FirstOrDefault(a => a.Kind == "mod");
                return new ModuleVersion(c.Version, c.CreatedAt, zip?.Size ?? 0, zip?.FormatHash, mod?.FormatHash);
            })
            .ToList();
        return Results.Ok(new ModuleDetail(module, versions));
    }
}
