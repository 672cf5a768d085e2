using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;

namespace ArtifactHub.Formats.Go.Browse;

/// <summary>
/// Browsing Go repositories: <c>modules</c> (paged, searchable) and <c>modules/{module}</c> (its versions with hashes
/// and downloads), <c>versions/{module}@{version}</c> and <c>files/{module}@{version}/{path}</c>
/// (<see cref="GoVersionBrowser"/>). A group shows the union of its sources, each module from the first that holds it.
/// </summary>
public sealed class GoBrowser(IContentQueries queries, GoVersionBrowser versions) : IFormatBrowser
{
    public string Format => GoFormat.Name;

    public IReadOnlyCollection<string> Views { get; } = ["modules", "versions", "files"];

    public Task<BrowseAnswer> BrowseAsync(BrowseRequest request, CancellationToken cancellationToken) => request.View switch
    {
        "modules" when request.Path.Length == 0 => ModulesAsync(request, cancellationToken),
        "modules" => ModuleAsync(request, request.Path, cancellationToken),
        "versions" => versions.VersionAsync(request, cancellationToken),
        _ => versions.FileAsync(request, cancellationToken),
    };

    private async Task<BrowseAnswer> ModulesAsync(BrowseRequest request, CancellationToken cancellationToken)
    {
        var ids = request.SourceIds();
        var (names, total) = await queries.ComponentNamesAsync(ids, request.Search, request.Page, request.PageSize, cancellationToken);
        var held = await queries.ComponentsAsync(ids, names, version: null, withAssets: false, cancellationToken);
        var order = names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var items = held.GroupBy(c => c.Name)
            .OrderBy(g => order[g.Key]) // the database's order of names
            .Select(g =>
            {
                var holder = g.Where(c => c.RepositoryId == ids.FirstHolder(g)).ToList();
                return new ModuleSummary(g.Key, holder.Count, GoVersion.Latest(holder.Select(v => v.Version)), holder.Max(v => v.CreatedAt), holder.Sum(v => v.DownloadCount));
            })
            .ToList();
        return new BrowseAnswer.Found(new PagedList<ModuleSummary>(items, request.Page, request.PageSize, total));
    }

    private async Task<BrowseAnswer> ModuleAsync(BrowseRequest request, string module, CancellationToken cancellationToken)
    {
        var ids = request.SourceIds();
        var components = await queries.ComponentsAsync(ids, [module], version: null, withAssets: true, cancellationToken);
        if (components.Count == 0)
        {
            return ModuleNotFound(request, module);
        }

        var holder = ids.FirstHolder(components);
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
        return new BrowseAnswer.Found(new ModuleDetail(module, versions));
    }

    internal static BrowseAnswer ModuleNotFound(BrowseRequest request, string module) =>
        BrowseAnswer.NotFound("Module not found", $"Repository '{request.Repository.Name}' has no module '{module}'.");
}
