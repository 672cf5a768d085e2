using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Core.Proxy;

/// <summary>
/// How a proxy repository of any format serves a file (Nexus's proxy facet): an immutable one from storage forever once
/// fetched; a refreshed one while younger than its max age, then fetched again, and served stale with a Warning when
/// the upstream fails. Offline: storage only. Paths the allow/block rules keep private never reach the upstream. An
/// upstream "not found" is remembered for the negative-cache time. One fetch per file at a time, however many requests
/// wait for it: on this node by single flight, across nodes by the cluster lock, under which storage is checked again
/// before fetching. The format says what a file is (<see cref="ProxiedFile"/>); the engine does the rest.
/// </summary>
public sealed class ProxyEngine(
    IContentStore content,
    TimeProvider clock,
    NegativeCache misses,
    SingleFlight<ProxyFetchOutcome> flights,
    IClusterLock clusterLock,
    IServiceScopeFactory scopes,
    ILogger<ProxyEngine> logger)
{
    public Task<ContentResponse> ServeAsync(RepositoryContext repository, ProxiedFile file, CancellationToken cancellationToken)
    {
        if (file.RuleSubject is { } subject && !ProxyRules.MayFetch(repository.Proxy, subject))
        {
            return Task.FromResult(ContentResponse.NotFound($"not found: {subject} is not fetched through {repository.Name} (its allow/block rules)"));
        }

        return file.MaxAge is { } maxAge
            ? RefreshedAsync(repository, file, maxAge, cancellationToken)
            : ImmutableAsync(repository, file, cancellationToken);
    }

    private async Task<ContentResponse> ImmutableAsync(RepositoryContext repository, ProxiedFile file, CancellationToken cancellationToken)
    {
        // Read through memory: a row stored once never changes, so the next request need not query for it.
        if (await content.FindAssetAsync(repository.Id, file.AssetPath, AssetLookup.CacheHits, cancellationToken) is { } cached)
        {
            return Answer(file, cached);
        }

        if (Unfetchable(repository, file.AssetPath) is { } notHere)
        {
            return notHere;
        }

        var outcome = await FetchOnceAsync(repository, file, stored => stored is not null);
        if (outcome is ProxyFetchOutcome.Stored && await content.FindAssetAsync(repository.Id, file.AssetPath, AssetLookup.CacheHits, cancellationToken) is { } stored)
        {
            return Answer(file, stored);
        }

        return Failure(outcome, file.AssetPath);
    }

    private async Task<ContentResponse> RefreshedAsync(RepositoryContext repository, ProxiedFile file, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var copy = await content.FindAssetAsync(repository.Id, file.AssetPath, AssetLookup.Database, cancellationToken);
        if (copy is not null && (IsFresh(copy, maxAge) || !repository.Online))
        {
            return Answer(file, copy);
        }

        if (Unfetchable(repository, file.AssetPath) is { } notHere)
        {
            return notHere;
        }

        var outcome = await FetchOnceAsync(repository, file, stored => stored is not null && IsFresh(stored, maxAge));
        if (outcome is ProxyFetchOutcome.Stored && await content.FindAssetAsync(repository.Id, file.AssetPath, AssetLookup.Database, cancellationToken) is { } stored)
        {
            return Answer(file, stored);
        }

        if (outcome is ProxyFetchOutcome.Failed failed && copy is not null)
        {
            logger.LogWarning("Proxy {Repository}: serving a stale {Path} from {Time:u}: {Reason}", repository.Name, file.AssetPath, copy.CreatedAt, failed.Message);
            return Answer(file, copy) with { Warning = $"110 ArtifactHub \"Response is stale: {failed.Message.Replace('"', '\'')}\"" };
        }

        return Failure(outcome, file.AssetPath);
    }

    private bool IsFresh(Asset copy, TimeSpan maxAge) => clock.GetUtcNow() - copy.CreatedAt < maxAge;

    /// <summary>Offline, or remembered as missing upstream: answer 404 without asking.</summary>
    private ContentResponse? Unfetchable(RepositoryContext repository, string assetPath)
    {
        if (!repository.Online)
        {
            return ContentResponse.NotFound($"not found: {assetPath} is not cached and {repository.Name} is offline");
        }

        return misses.Knows(repository.Id, assetPath)
            ? ContentResponse.NotFound($"not found: {assetPath} (upstream said so recently)")
            : null;
    }

    /// <summary>
    /// Fetches with services of its own scope, with no cancellation: the fetch outlives the request that started it if
    /// that request gives up, so that the file is stored for the next one.
    /// </summary>
    /// <param name="alreadyStored">
    /// Whether the copy in storage (or none) makes the fetch needless. Checked under the cluster lock: another flight,
    /// on this node or another, may have stored the file between our look and our turn.
    /// </param>
    private Task<ProxyFetchOutcome> FetchOnceAsync(RepositoryContext repository, ProxiedFile file, Func<Asset?, bool> alreadyStored) =>
        flights.RunAsync($"{repository.Id}:{file.AssetPath}", async () =>
        {
            await using var held = await clusterLock.AcquireAsync($"proxy-fetch:{repository.Id}:{file.AssetPath}", CancellationToken.None);
            await using var scope = scopes.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<IContentStore>();
            if (alreadyStored(await own.FindAssetAsync(repository.Id, file.AssetPath, AssetLookup.Database, CancellationToken.None)))
            {
                return new ProxyFetchOutcome.Stored();
            }

            return await scope.ServiceProvider.GetRequiredService<ProxyFetcher>().FetchAsync(repository, file, CancellationToken.None);
        });

    private static ContentResponse Answer(ProxiedFile file, Asset asset) =>
        ContentResponse.FromAsset(asset, file.IsImmutable ? CacheControl.Immutable : CacheControl.Revalidate) with
        {
            DownloadOfComponent = file.CountsAsDownload ? asset.ComponentId : null,
        };

    private static ContentResponse Failure(ProxyFetchOutcome outcome, string assetPath) => outcome switch
    {
        ProxyFetchOutcome.Failed failed => ContentResponse.Text(failed.Status, failed.Message),
        _ => ContentResponse.NotFound($"not found: {assetPath}"),
    };
}
