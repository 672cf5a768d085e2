using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Proxy;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// A proxy repository's checksum-database proxy, <c>sumdb/$name/…</c>, on the proxy engine: <c>supported</c> is 200 for
/// the configured names only (404 sends the go command to the database directly); tiles and lookups are fetched once
/// from the database's own URL and kept (their content never changes), <c>latest</c> is kept for the database's short
/// max age. Lookups of module paths the allow/block rules keep private are never sent. Offline: storage only.
/// </summary>
public sealed class GoProxySumDb(ProxyEngine proxy)
{
    public async Task<ContentResponse> AnswerAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        if (SumDbRequestPath.ParseOrAnswer(request.Path, out var answer) is not { } path)
        {
            return answer!;
        }

        var repository = request.Repository;
        // d?: settings saved before null entries were refused may hold one.
        var database = GoFormat.ChecksumDatabasesOf(repository.Proxy).FirstOrDefault(d => string.Equals(d?.Name, path.Database, StringComparison.Ordinal));
        if (database is null)
        {
            return ContentResponse.NotFound($"not found: {repository.Name} does not proxy the checksum database {path.Database}");
        }

        if (path.Kind == SumDbRequestKind.Supported)
        {
            return SumDbContent.Supported();
        }

        var file = new ProxiedFile(path.AssetPath, GoContent.SumDbKind, SumDbContent.TypeOf(path), path.Rest)
        {
            UpstreamBaseUrl = database.Url,
            MaxBytes = SumDbContent.MaxFile,
            RuleSubject = path.Module,
            MaxAge = path.Kind == SumDbRequestKind.Latest ? TimeSpan.FromSeconds(database.LatestMaxAgeSeconds) : null,
        };
        return await proxy.ServeAsync(repository, file, cancellationToken);
    }
}
