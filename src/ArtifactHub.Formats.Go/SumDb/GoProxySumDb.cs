using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Formats.Go.Proxy;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// A proxy repository's checksum-database proxy, <c>sumdb/$name/…</c>: <c>supported</c> is 200 for the configured
/// names only (404 sends the go command to the database directly); tiles and lookups are fetched once and kept
/// (their content never changes), <c>latest</c> is kept for the database's short max age. Offline: storage only.
/// </summary>
public sealed class GoProxySumDb(ProxyCacheServer proxied)
{
    public async Task<ContentResponse> AnswerAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        if (SumDbRequestPath.ParseOrAnswer(request.Path, out var answer) is not { } path)
        {
            return answer!;
        }

        var repository = request.Repository;
        var settings = RepositorySettings.Read(repository).Proxy ?? new ProxySettings();
        // d?: settings saved before null entries were refused may hold one.
        var database = settings.ChecksumDatabases.FirstOrDefault(d => string.Equals(d?.Name, path.Database, StringComparison.Ordinal));
        if (database is null)
        {
            return ContentResponse.NotFound($"not found: {repository.Name} does not proxy the checksum database {path.Database}");
        }

        if (path.Kind == SumDbRequestKind.Supported)
        {
            return SumDbContent.Supported();
        }

        if (path.Module is { } module && !GoProxyHandler.MayFetch(settings, module))
        {
            return ContentResponse.NotFound($"not found: {module} is not looked up through {repository.Name} (its allow/block rules)");
        }

        Task<ProxyFetchOutcome> Fetch(GoProxyFetcher fetcher) => fetcher.FetchChecksumFileAsync(repository, settings, database, path, CancellationToken.None);
        return path.Kind == SumDbRequestKind.Latest
            ? await proxied.RefreshedAsync(repository, path.AssetPath, TimeSpan.FromSeconds(database.LatestMaxAgeSeconds), Fetch, cancellationToken)
            : await proxied.ImmutableAsync(repository, path.AssetPath, Fetch, cancellationToken);
    }
}
