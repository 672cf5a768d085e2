using ArtifactHub.Core;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using ArtifactHub.Formats.Go.SumDb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Formats.Go.Proxy;

/// <summary>
/// Fetches one file from the upstream and stores it: immutable files (.mod, .zip, canonical .info) become assets
/// of a component, with their h1: hashes; metadata (list, @latest, queries) replaces the previous copy; so does a
/// checksum-database answer, fetched from the database's own URL.
/// Runs in a scope of its own, once per file however many requests wait for it.
/// </summary>
public sealed class GoProxyFetcher(
    ArtifactHubDbContext db,
    IBlobStore blobs,
    IOptions<ArtifactHubOptions> options,
    TimeProvider clock,
    IMemoryCache cache,
    GoUpstreamClient upstream,
    ILogger<GoProxyFetcher> logger)
{
    public static string NegativeKey(Repository repository, string assetPath) => $"go-proxy-missing:{repository.Id}:{assetPath}";

    public Task<ProxyFetchOutcome> FetchAsync(Repository repository, ProxySettings settings, GoRequestPath path, string upstreamPath, CancellationToken cancellationToken) =>
        FetchAndStoreAsync(repository, settings, settings.Upstream, upstreamPath, path.AssetPath, Limit(path.Kind), staged => IsImmutable(path)
            ? StoreImmutableAsync(repository, settings, path, staged, cancellationToken)
            : StoreReplacingAsync(repository, path.AssetPath, path.Kind.ToString().ToLowerInvariant(), path.Kind == GoRequestKind.List ? GoContent.ListType : GoContent.InfoType, staged, cancellationToken),
            cancellationToken);

    /// <summary>Fetches a checksum-database answer from the database's URL and stores it (a newer <c>latest</c> replaces the older).</summary>
    public Task<ProxyFetchOutcome> FetchChecksumFileAsync(Repository repository, ProxySettings settings, ChecksumDatabase database, SumDbRequestPath path, CancellationToken cancellationToken) =>
        FetchAndStoreAsync(repository, settings, database.Url, path.Rest, path.AssetPath, SumDbContent.MaxFile, staged =>
            StoreReplacingAsync(repository, path.AssetPath, "sumdb", SumDbContent.TypeOf(path), staged, cancellationToken), cancellationToken);

    private async Task<ProxyFetchOutcome> FetchAndStoreAsync(
        Repository repository, ProxySettings settings, string baseUrl, string upstreamPath, string assetPath, long limit, Func<StagedFile, Task<ProxyFetchOutcome>> store, CancellationToken cancellationToken)
    {
        using var answer = await upstream.GetAsync(settings, baseUrl, upstreamPath, cancellationToken);
        switch (answer)
        {
            case UpstreamAnswer.Missing:
                if (settings.NegativeCacheMinutes > 0)
                {
                    cache.Set(NegativeKey(repository, assetPath), true, TimeSpan.FromMinutes(settings.NegativeCacheMinutes));
                }

                return new ProxyFetchOutcome.Missing();
            case UpstreamAnswer.Failed failed:
                logger.LogWarning("Proxy {Repository}: {Message}", repository.Name, failed.Message);
                return new ProxyFetchOutcome.Failed(failed.Status, failed.Message);
        }

        var found = (UpstreamAnswer.Found)answer;
        StagedFile staged;
        try
        {
            staged = await StagedFile.WriteAsync(found.Body, options.Value.FullStagingDir, limit, cancellationToken);
        }
        catch (ContentTooLargeException e)
        {
            return Fail(repository, 502, $"upstream {baseUrl} sent too much for {upstreamPath}: {e.Message}");
        }
        catch (Exception e) when (e is TimeoutException or IOException or HttpRequestException)
        {
            return Fail(repository, e is TimeoutException ? 504 : 502, $"upstream {baseUrl} broke off {upstreamPath}: {e.Message}");
        }

        await using (staged)
        {
            return await store(staged);
        }
    }

    public static bool IsImmutable(GoRequestPath path) =>
        path.Kind is GoRequestKind.Mod or GoRequestKind.Zip || (path.Kind == GoRequestKind.Info && GoVersion.IsCanonical(path.Version!));

    private async Task<ProxyFetchOutcome> StoreImmutableAsync(Repository repository, ProxySettings settings, GoRequestPath path, StagedFile staged, CancellationToken cancellationToken)
    {
        string? formatHash = null;
        string contentType;
        switch (path.Kind)
        {
            case GoRequestKind.Zip:
                try
                {
                    formatHash = ModuleZipValidator.Validate(staged.Path, path.Module, path.Version!).ZipHash;
                }
                catch (InvalidModuleZipException e)
                {
                    return Fail(repository, 502, $"upstream {settings.Upstream} served an invalid module zip for {path.Module}@{path.Version}: {e.Message}");
                }

                contentType = GoContent.ZipType;
                break;
            case GoRequestKind.Mod:
                formatHash = GoHash.GoModHashOfSha256(staged.Sha256);
                contentType = GoContent.ModType;
                break;
            default:
                contentType = GoContent.InfoType;
                break;
        }

        await blobs.PutAsync(staged, cancellationToken);
        var now = clock.GetUtcNow();
        try
        {
            var component = await db.Components.FirstOrDefaultAsync(c => c.RepositoryId == repository.Id && c.Name == path.Module && c.Version == path.Version, cancellationToken)
                ?? db.Components.Add(new Component { RepositoryId = repository.Id, Name = path.Module, Version = path.Version!, CreatedAt = now }).Entity;
            component.Assets.Add(new Asset
            {
                RepositoryId = repository.Id,
                Path = path.AssetPath,
                Kind = path.Kind.ToString().ToLowerInvariant(),
                BlobSha256 = staged.Sha256,
                Size = staged.Size,
                ContentType = contentType,
                FormatHash = formatHash,
                CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node cached the same file at the same moment: it is there, which is all the caller needs.
            if (!await AssetExistsAsync(repository, path.AssetPath, cancellationToken))
            {
                throw;
            }
        }

        logger.LogInformation("Proxy {Repository} cached {Path} ({Size} bytes)", repository.Name, path.AssetPath, staged.Size);
        return new ProxyFetchOutcome.Stored();
    }

    /// <summary>Stores a file that may be fetched again later (list, @latest, a query, a checksum-database answer): the newer copy replaces the older.</summary>
    private async Task<ProxyFetchOutcome> StoreReplacingAsync(Repository repository, string assetPath, string kind, string contentType, StagedFile staged, CancellationToken cancellationToken)
    {
        await blobs.PutAsync(staged, cancellationToken);
        var now = clock.GetUtcNow();
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.RepositoryId == repository.Id && a.Path == assetPath, cancellationToken);
        if (asset is null)
        {
            asset = db.Assets.Add(new Asset
            {
                RepositoryId = repository.Id,
                Path = assetPath,
                Kind = kind,
                BlobSha256 = staged.Sha256,
                ContentType = contentType,
            }).Entity;
        }

        asset.BlobSha256 = staged.Sha256;
        asset.Size = staged.Size;
        asset.CreatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await AssetExistsAsync(repository, assetPath, cancellationToken))
            {
                throw;
            }

            return new ProxyFetchOutcome.Stored();
        }

        return new ProxyFetchOutcome.Stored(); // the older copy's blob is left to garbage collection
    }

    private async Task<bool> AssetExistsAsync(Repository repository, string assetPath, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Assets.AnyAsync(a => a.RepositoryId == repository.Id && a.Path == assetPath, cancellationToken);
    }

    private ProxyFetchOutcome.Failed Fail(Repository repository, int status, string message)
    {
        logger.LogWarning("Proxy {Repository}: {Message}", repository.Name, message);
        return new ProxyFetchOutcome.Failed(status, message);
    }

    private static long Limit(GoRequestKind kind) => kind switch
    {
        GoRequestKind.Zip => ModuleZipLimits.MaxZipFile,
        GoRequestKind.Mod => ModuleZipLimits.MaxGoMod,
        _ => 16L << 20,
    };
}
