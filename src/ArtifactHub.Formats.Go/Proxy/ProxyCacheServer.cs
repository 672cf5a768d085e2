using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Formats.Go.Proxy;

/// <summary>
/// How a proxy repository serves what it fetches: an immutable file from storage forever once fetched; a
/// refreshable one (list, @latest, a checksum database's latest) while younger than its max age, then fetched
/// again, and served stale with a Warning when the upstream fails. Offline: storage only. An upstream "not found"
/// is remembered for the negative-cache time. One fetch per file at a time, however many requests wait for it: on this
/// node by single flight, across nodes by the cluster lock, under which storage is checked again before fetching.
/// </summary>
public sealed class ProxyCacheServer(
    ArtifactHubDbContext db,
    TimeProvider clock,
    IMemoryCache cache,
    ImmutableAssetCache assets,
    SingleFlight<ProxyFetchOutcome> flights,
    IClusterLock clusterLock,
    IServiceScopeFactory scopes,
    ILogger<ProxyCacheServer> logger)
{
    /// <summary>Fetches with a fetcher of its own scope: the fetch outlives the request that started it if that request gives up.</summary>
    public delegate Task<ProxyFetchOutcome> Fetch(GoProxyFetcher fetcher);

    public async Task<ContentResponse> ImmutableAsync(Repository repository, string assetPath, Fetch fetch, CancellationToken cancellationToken)
    {
        if (await assets.GetAsync(db, repository, assetPath, cancellationToken) is { } cached)
        {
            return GoContent.FromAsset(cached);
        }

        if (Unfetchable(repository, assetPath) is { } notHere)
        {
            return notHere;
        }

        // Read through the cache: the row just stored never changes, so the next request need not query for it.
        var outcome = await FetchOnceAsync(repository, assetPath, fetch, stored => stored is not null);
        if (outcome is ProxyFetchOutcome.Stored && await assets.GetAsync(db, repository, assetPath, cancellationToken) is { } stored)
        {
            return GoContent.FromAsset(stored);
        }

        return Failure(outcome, assetPath);
    }

    public async Task<ContentResponse> RefreshedAsync(Repository repository, string assetPath, TimeSpan maxAge, Fetch fetch, CancellationToken cancellationToken)
    {
        var copy = await db.Assets.AtPathAsync(repository.Id, assetPath, cancellationToken);
        var fresh = copy is not null && clock.GetUtcNow() - copy.CreatedAt < maxAge;
        if (copy is not null && (fresh || !repository.Online))
        {
            return Refreshable(copy);
        }

        if (Unfetchable(repository, assetPath) is { } notHere)
        {
            return notHere;
        }

        var outcome = await FetchOnceAsync(repository, assetPath, fetch, stored => stored is not null && clock.GetUtcNow() - stored.CreatedAt < maxAge);
        if (outcome is ProxyFetchOutcome.Stored && await db.Assets.AtPathAsync(repository.Id, assetPath, cancellationToken) is { } stored)
        {
            return Refreshable(stored);
        }

        if (outcome is ProxyFetchOutcome.Failed failed && copy is not null)
        {
            logger.LogWarning("Proxy {Repository}: serving a stale {Path} from {Time:u}: {Reason}", repository.Name, assetPath, copy.CreatedAt, failed.Message);
            return Refreshable(copy) with { Warning = $"110 ArtifactHub \"Response is stale: {failed.Message.Replace('"', '\'')}\"" };
        }

        return Failure(outcome, assetPath);
    }

    /// <summary>Offline, or remembered as missing upstream: answer 404 without asking.</summary>
    private ContentResponse? Unfetchable(Repository repository, string assetPath)
    {
        if (!repository.Online)
        {
            return ContentResponse.NotFound($"not found: {assetPath} is not cached and {repository.Name} is offline");
        }

        return cache.TryGetValue(GoProxyFetcher.NegativeKey(repository, assetPath), out _)
            ? ContentResponse.NotFound($"not found: {assetPath} (upstream said so recently)")
            : null;
    }

    /// <param name="alreadyStored">
    /// Whether the copy in storage (or none) makes the fetch needless. Checked under the cluster lock: another flight,
    /// on this node or another, may have stored the file between our look and our turn.
    /// </param>
    private Task<ProxyFetchOutcome> FetchOnceAsync(Repository repository, string assetPath, Fetch fetch, Func<Asset?, bool> alreadyStored) =>
        flights.RunAsync($"{repository.Id}:{assetPath}", async () =>
        {
            await using var held = await clusterLock.AcquireAsync($"proxy-fetch:{repository.Id}:{assetPath}", CancellationToken.None);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArtifactHubDbContext>();
            if (alreadyStored(await db.Assets.AsNoTracking().AtPathAsync(repository.Id, assetPath, CancellationToken.None)))
            {
                return new ProxyFetchOutcome.Stored();
            }

            return await fetch(scope.ServiceProvider.GetRequiredService<GoProxyFetcher>());
        });

    private static ContentResponse Refreshable(Asset asset) => GoContent.FromAsset(asset) with { CacheControl = GoContent.Revalidate };

    private static ContentResponse Failure(ProxyFetchOutcome outcome, string assetPath) => outcome switch
    {
        ProxyFetchOutcome.Failed failed => ContentResponse.Text(failed.Status, failed.Message),
        _ => ContentResponse.NotFound($"not found: {assetPath}"),
    };
}
