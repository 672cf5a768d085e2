using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Data;

/// <summary>
/// The content store every writer goes through (<see cref="IContentStore"/>): bytes into the blob store first, then the
/// rows that refer to them, so a row never names a missing blob; the blob of a row that loses a race, or of a replaced
/// or deleted one, is left to garbage collection (another writer may be about to refer to the same bytes).
/// </summary>
public sealed class ContentStore(
    ArtifactHubDbContext db, IBlobStore blobs, AssetMemory memory, TimeProvider clock, ILogger<ContentStore> logger) : IContentStore
{
    public async Task<Asset?> FindAssetAsync(int repositoryId, string path, AssetLookup lookup, CancellationToken cancellationToken)
    {
        var misses = lookup == AssetLookup.CacheHitsAndMisses;
        if (lookup != AssetLookup.Database && memory.TryRecall(repositoryId, path, misses, out var known))
        {
            return known;
        }

        var asset = await db.Assets.AtPathAsync(repositoryId, path, cancellationToken);
        if (lookup != AssetLookup.Database)
        {
            memory.Remember(repositoryId, path, asset, misses);
        }

        return asset;
    }

    public Task<Component?> FindComponentAsync(int repositoryId, string name, string version, CancellationToken cancellationToken) =>
        db.Components.AsNoTracking().Include(c => c.Assets)
            .FirstOrDefaultAsync(c => c.RepositoryId == repositoryId && c.Name == name && c.Version == version, cancellationToken);

    public async Task<IReadOnlyList<string>> VersionsAsync(int repositoryId, string name, CancellationToken cancellationToken) =>
        await db.Components.Where(c => c.RepositoryId == repositoryId && c.Name == name).Select(c => c.Version).ToListAsync(cancellationToken);

    public async Task<StoredComponent> PublishAsync(int repositoryId, ComponentDraft draft, CancellationToken cancellationToken)
    {
        var component = new Component { RepositoryId = repositoryId, Name = draft.Key.Name, Version = draft.Key.Version, CreatedAt = draft.CreatedAt };
        foreach (var asset in draft.Assets)
        {
            component.Assets.Add(await PutAsync(repositoryId, asset, draft.CreatedAt, cancellationToken));
        }

        db.Components.Add(component);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone published the same version at the same moment: theirs stands.
            db.ChangeTracker.Clear();
            return await FindComponentAsync(repositoryId, draft.Key.Name, draft.Key.Version, cancellationToken) is { } winner
                ? new StoredComponent(winner, Created: false)
                : throw new InvalidOperationException($"publishing {draft.Key.Name}@{draft.Key.Version} failed, and no other writer published it");
        }

        ForgetAll(repositoryId, component.Assets); // misses remembered a moment ago
        return new StoredComponent(component, Created: true);
    }

    public async Task<StoredAsset> KeepAsync(int repositoryId, AssetDraft draft, CancellationToken cancellationToken)
    {
        var asset = await PutAsync(repositoryId, draft, clock.GetUtcNow(), cancellationToken);

        // Twice at most: the component row may be created by another writer between our look and our insert.
        for (var attempt = 1; ; attempt++)
        {
            if (draft.Component is { } key)
            {
                var component = await db.Components.FirstOrDefaultAsync(c => c.RepositoryId == repositoryId && c.Name == key.Name && c.Version == key.Version, cancellationToken)
                    ?? db.Components.Add(new Component { RepositoryId = repositoryId, Name = key.Name, Version = key.Version, CreatedAt = asset.CreatedAt }).Entity;
                component.Assets.Add(asset);
            }
            else
            {
                db.Assets.Add(asset);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                memory.Forget(repositoryId, asset.Path);
                return new StoredAsset(asset, Created: true);
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                db.ChangeTracker.Clear();
                if (await db.Assets.AtPathAsync(repositoryId, draft.Path, cancellationToken) is { } winner)
                {
                    return new StoredAsset(winner, Created: false);
                }

                asset = Copy(asset);
            }
        }
    }

    public async Task<StoredAsset> ReplaceAsync(int repositoryId, AssetDraft draft, CancellationToken cancellationToken)
    {
        var put = await PutAsync(repositoryId, draft, clock.GetUtcNow(), cancellationToken);
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.RepositoryId == repositoryId && a.Path == draft.Path, cancellationToken);
        var created = asset is null;
        asset ??= db.Assets.Add(put).Entity;
        asset.Kind = put.Kind;
        asset.BlobSha256 = put.BlobSha256;
        asset.Size = put.Size;
        asset.ContentType = put.ContentType;
        asset.FormatHash = put.FormatHash;
        asset.CreatedAt = put.CreatedAt;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (created)
        {
            // Another writer stored the path first: a copy as new as ours is there, which is all a refresh needs.
            db.ChangeTracker.Clear();
            if (await db.Assets.AtPathAsync(repositoryId, draft.Path, cancellationToken) is { } winner)
            {
                return new StoredAsset(winner, Created: false);
            }

            throw;
        }

        memory.Forget(repositoryId, asset.Path);
        return new StoredAsset(asset, created);
    }

    public async Task<Component?> DeleteComponentAsync(int repositoryId, string name, string version, CancellationToken cancellationToken)
    {
        var component = await db.Components.Include(c => c.Assets)
            .FirstOrDefaultAsync(c => c.RepositoryId == repositoryId && c.Name == name && c.Version == version, cancellationToken);
        if (component is null)
        {
            return null;
        }

        db.Components.Remove(component);
        await db.SaveChangesAsync(cancellationToken);
        ForgetAll(repositoryId, component.Assets);
        return component;
    }

    public async Task<Asset?> DeleteAssetAsync(int repositoryId, string path, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.RepositoryId == repositoryId && a.Path == path, cancellationToken);
        if (asset is null)
        {
            return null;
        }

        db.Assets.Remove(asset);
        await db.SaveChangesAsync(cancellationToken);
        memory.Forget(repositoryId, path);
        return asset;
    }

    /// <summary>Moves the staged bytes into the blob store (or finds them there, touched) and makes the row that will refer to them.</summary>
    private async Task<Asset> PutAsync(int repositoryId, AssetDraft draft, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        if (await blobs.PutAsync(draft.Content, cancellationToken) == BlobPutStatus.AlreadyExists)
        {
            logger.LogDebug("{Path}: its bytes ({Sha256}) were stored already", draft.Path, draft.Content.Sha256);
        }

        return new Asset
        {
            RepositoryId = repositoryId,
            Path = draft.Path,
            Kind = draft.Kind,
            BlobSha256 = draft.Content.Sha256,
            Size = draft.Content.Size,
            ContentType = draft.ContentType,
            FormatHash = draft.FormatHash,
            CreatedAt = createdAt,
        };
    }

    private static Asset Copy(Asset asset) => new()
    {
        RepositoryId = asset.RepositoryId,
        Path = asset.Path,
        Kind = asset.Kind,
        BlobSha256 = asset.BlobSha256,
        Size = asset.Size,
        ContentType = asset.ContentType,
        FormatHash = asset.FormatHash,
        CreatedAt = asset.CreatedAt,
    };

    private void ForgetAll(int repositoryId, IEnumerable<Asset> assets)
    {
        foreach (var asset in assets)
        {
            memory.Forget(repositoryId, asset.Path);
        }
    }
}
