using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Formats.Go.Proxy;

/// <summary>
/// A Go repository that caches an upstream GOPROXY. .mod, .zip and canonical .info are fetched once and served
/// from storage forever; list, @latest and queries are fetched again when older than the max age, and served
/// stale (with a Warning) when the upstream fails. Offline: the cache only.
/// </summary>
public sealed class GoProxyHandler(
    ArtifactHubDbContext db,
    TimeProvider clock,
    IMemoryCache cache,
    ImmutableAssetCache assets,
    SingleFlight<ProxyFetchOutcome> flights,
    IServiceScopeFactory scopes,
    ILogger<GoProxyHandler> logger) : IRepositoryHandler
{
    public string Format => GoFormat.Name;

    public RepositoryType Type => RepositoryType.Proxy;

    public async Task<ContentResponse> HandleAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        if (GoRequestPath.ParseOrAnswer(request.Path, out var answer) is not { } path)
        {
            return answer!;
        }

        if (request.Method is not ("GET" or "HEAD"))
        {
            return ContentResponse.Text(405, $"{request.Method} is not allowed on a proxy repository");
        }

        if (path.Kind == GoRequestKind.Version)
        {
            return ContentResponse.NotFound($"not found: {request.Path}");
        }

        var repository = request.Repository;
        var settings = RepositorySettings.Read(repository).Proxy ?? new ProxySettings();
        if (GoPathPatterns.MatchesAny(settings.Block, path.Module) || (settings.Allow.Count > 0 && !GoPathPatterns.MatchesAny(settings.Allow, path.Module)))
        {
            return ContentResponse.NotFound($"not found: {path.Module} is not fetched through {repository.Name} (its allow/block rules)");
        }

        return GoProxyFetcher.IsImmutable(path)
            ? await ImmutableAsync(request, repository, settings, path, cancellationToken)
            : await MetadataAsync(request, repository, settings, path, cancellationToken);
    }

    private async Task<ContentResponse> ImmutableAsync(ContentRequest request, Repository repository, ProxySettings settings, GoRequestPath path, CancellationToken cancellationToken)
    {
        if (await assets.GetAsync(db, repository, path.AssetPath, cancellationToken) is { } cached)
        {
            return GoContent.FromAsset(cached);
        }

        if (Unfetchable(repository, path) is { } notHere)
        {
            return notHere;
        }

        var outcome = await FetchAsync(repository, settings, path, request.Path);
        if (outcome is ProxyFetchOutcome.Stored && await db.Assets.AtPathAsync(repository.Id, path.AssetPath, cancellationToken) is { } stored)
        {
            return GoContent.FromAsset(stored);
        }

        return Failure(outcome, path);
    }

    private async Task<ContentResponse> MetadataAsync(ContentRequest request, Repository repository, ProxySettings settings, GoRequestPath path, CancellationToken cancellationToken)
    {
        var copy = await db.Assets.AtPathAsync(repository.Id, path.AssetPath, cancellationToken);
        var fresh = copy is not null && clock.GetUtcNow() - copy.CreatedAt < TimeSpan.FromMinutes(settings.MetadataMaxAgeMinutes);
        if (copy is not null && (fresh || !repository.Online))
        {
            return Metadata(copy);
        }

        if (Unfetchable(repository, path) is { } notHere)
        {
            return notHere;
        }

        var outcome = await FetchAsync(repository, settings, path, request.Path);
        if (outcome is ProxyFetchOutcome.Stored && await db.Assets.AtPathAsync(repository.Id, path.AssetPath, cancellationToken) is { } stored)
        {
            return Metadata(stored);
        }

        if (outcome is ProxyFetchOutcome.Failed failed && copy is not null)
        {
            logger.LogWarning("Proxy {Repository}: serving a stale {Path} from {Time:u}: {Reason}", repository.Name, path.AssetPath, copy.CreatedAt, failed.Message);
            return Metadata(copy) with { Warning = $"110 ArtifactHub \"Response is stale: {failed.Message.Replace('"', '\'')}\"" };
        }

        return Failure(outcome, path);
    }

    /// <summary>Offline, or remembered as missing upstream: answer 404 without asking.</summary>
    private ContentResponse? Unfetchable(Repository repository, GoRequestPath path)
    {
        if (!repository.Online)
        {
            return ContentResponse.NotFound($"not found: {path.AssetPath} is not cached and {repository.Name} is offline");
        }

        return cache.TryGetValue(GoProxyFetcher.NegativeKey(repository, path.AssetPath), out _)
            ? ContentResponse.NotFound($"not found: {path.AssetPath} (upstream said so recently)")
            : null;
    }

    private Task<ProxyFetchOutcome> FetchAsync(Repository repository, ProxySettings settings, GoRequestPath path, string upstreamPath) =>
        flights.RunAsync($"{repository.Id}:{path.AssetPath}", async () =>
        {
            // A scope of its own: the fetch outlives the request that started it if that request gives up.
            await using var scope = scopes.CreateAsyncScope();
            var fetcher = scope.ServiceProvider.GetRequiredService<GoProxyFetcher>();
            return await fetcher.FetchAsync(repository, settings, path, upstreamPath, CancellationToken.None);
        });

    private static ContentResponse Metadata(Asset asset) => GoContent.FromAsset(asset) with { CacheControl = GoContent.Revalidate };

    private static ContentResponse Failure(ProxyFetchOutcome outcome, GoRequestPath path) => outcome switch
    {
        ProxyFetchOutcome.Failed failed => ContentResponse.Text(failed.Status, failed.Message),
        _ => ContentResponse.NotFound($"not found: {path.AssetPath}"),
    };
}
