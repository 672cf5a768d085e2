namespace ArtifactHub.Core.Content;

/// <summary>Reads for browsing, over one repository or the sources of a group (rows come back read-only).</summary>
public interface IContentQueries
{
    /// <summary>The distinct component names held by the repositories, containing <paramref name="search"/> (ignoring case), in order, one page of them, and how many there are.</summary>
    Task<(IReadOnlyList<string> Names, int Total)> ComponentNamesAsync(
        IReadOnlyList<int> repositoryIds, string? search, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>The components of those names (of that version when given) in the repositories; with their assets when asked.</summary>
    Task<IReadOnlyList<Component>> ComponentsAsync(
        IReadOnlyList<int> repositoryIds, IReadOnlyCollection<string> names, string? version, bool withAssets, CancellationToken cancellationToken);

    /// <summary>The assets of the repositories whose path starts with <paramref name="prefix"/> (all for ""), at most <paramref name="limit"/> of them when given.</summary>
    Task<IReadOnlyList<Asset>> AssetsUnderAsync(IReadOnlyList<int> repositoryIds, string prefix, CancellationToken cancellationToken, int? limit = null);
}
