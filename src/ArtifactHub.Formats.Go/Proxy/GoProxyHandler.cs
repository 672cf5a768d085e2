using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go.Proxy;

/// <summary>
/// A Go repository that caches an upstream GOPROXY. .mod, .zip and canonical .info are fetched once and served
/// from storage forever; list, @latest and queries are fetched again when older than the max age, and served
/// stale (with a Warning) when the upstream fails. Offline: the cache only. <c>sumdb/…</c> proxies checksum databases.
/// </summary>
public sealed class GoProxyHandler(ProxyCacheServer proxied, GoProxySumDb sumdb) : IRepositoryHandler
{
    public string Format => GoFormat.Name;

    public RepositoryType Type => RepositoryType.Proxy;

    public async Task<ContentResponse> HandleAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        if (SumDbRequestPath.IsSumDb(request.Path))
        {
            return await sumdb.AnswerAsync(request, cancellationToken);
        }

        if (GoRequestPath.ParseOrAnswer(request.Path, out var answer) is not { } path)
        {
            return answer!;
        }

        if (path.Kind == GoRequestKind.Version)
        {
            return ContentResponse.NotFound($"not found: {request.Path}");
        }

        var repository = request.Repository;
        var settings = RepositorySettings.Read(repository).Proxy ?? new ProxySettings();
        if (!MayFetch(settings, path.Module))
        {
            return ContentResponse.NotFound($"not found: {path.Module} is not fetched through {repository.Name} (its allow/block rules)");
        }

        Task<ProxyFetchOutcome> Fetch(GoProxyFetcher fetcher) => fetcher.FetchAsync(repository, settings, path, request.Path, CancellationToken.None);
        return GoProxyFetcher.IsImmutable(path)
            ? await proxied.ImmutableAsync(repository, path.AssetPath, Fetch, cancellationToken)
            : await proxied.RefreshedAsync(repository, path.AssetPath, TimeSpan.FromMinutes(settings.MetadataMaxAgeMinutes), Fetch, cancellationToken);
    }

    /// <summary>The allow/block rules: a blocked module path (or one outside a non-empty allow list) is never sent upstream.</summary>
    public static bool MayFetch(ProxySettings settings, string module) =>
        !GoPathPatterns.MatchesAny(settings.Block, module) && (settings.Allow.Count == 0 || GoPathPatterns.MatchesAny(settings.Allow, module));
}
