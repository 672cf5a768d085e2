namespace ArtifactHub.Core.Content;

/// <summary>How a lookup may use memory instead of the database.</summary>
public enum AssetLookup
{
    /// <summary>Always the database: for content that may be replaced (a version list, a refreshed or overwritable file).</summary>
    Database,

    /// <summary>A row found is kept in memory briefly: for content that never changes once stored.</summary>
    CacheHits,

    /// <summary>As <see cref="CacheHits"/>, and "not here" is remembered for a moment too (a hosted member a group asks first for everything).</summary>
    CacheHitsAndMisses,
}

/// <summary>
/// The one place content is written and found: every writer (hosted upload, proxy fetch, and next bundle import and
/// sync) goes through it. It moves staged bytes into the blob store before the rows that refer to them are written,
/// owns what happens when two writers race for one path (the first row wins; the loser is told, never a 500), and
/// keeps its memory of immutable rows in step with its own writes.
/// </summary>
public interface IContentStore
{
    /// <summary>The asset at a path of a repository (read-only), or null.</summary>
    Task<Asset?> FindAssetAsync(int repositoryId, string path, AssetLookup lookup, CancellationToken cancellationToken);

    /// <summary>A component with its assets (read-only), or null.</summary>
    Task<Component?> FindComponentAsync(int repositoryId, string name, string version, CancellationToken cancellationToken);

    /// <summary>The versions of every component of that name in the repository.</summary>
    Task<IReadOnlyList<string>> VersionsAsync(int repositoryId, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes a component with its assets, all or nothing. When the repository already has that version (before, or
    /// from a writer that won a race), nothing is written and the answer is the existing one with <c>Created</c> false.
    /// </summary>
    Task<StoredComponent> PublishAsync(int repositoryId, ComponentDraft draft, CancellationToken cancellationToken);

    /// <summary>Stores an asset that never changes once stored: when the path is taken, the stored one is kept and answered.</summary>
    Task<StoredAsset> KeepAsync(int repositoryId, AssetDraft draft, CancellationToken cancellationToken);

    /// <summary>Stores an asset, replacing what is at its path (the old bytes are left to garbage collection).</summary>
    Task<StoredAsset> ReplaceAsync(int repositoryId, AssetDraft draft, CancellationToken cancellationToken);

    /// <summary>Deletes a component and its assets (rows only: the bytes go by garbage collection); null when there is none.</summary>
    Task<Component?> DeleteComponentAsync(int repositoryId, string name, string version, CancellationToken cancellationToken);

    /// <summary>Deletes the asset at a path (row only); null when there is none.</summary>
    Task<Asset?> DeleteAssetAsync(int repositoryId, string path, CancellationToken cancellationToken);
}

/// <summary>A file to store: its staged bytes (the store moves them into the blob store), its path and what it is.</summary>
/// <param name="Kind">What the format calls it (its <c>AssetKinds</c>).</param>
public sealed record AssetDraft(string Path, string Kind, string ContentType, Blobs.StagedFile Content)
{
    /// <summary>The format's own checksum of the bytes (Go: h1:), if it has one.</summary>
    public string? FormatHash { get; init; }

    /// <summary>The component (name and version) the asset belongs to; null for one that belongs to none.</summary>
    public ComponentKey? Component { get; init; }
}

/// <summary>A component's name and version as the format spells them.</summary>
public sealed record ComponentKey(string Name, string Version);

/// <summary>A version to publish with all its assets, created at <paramref name="CreatedAt"/>.</summary>
public sealed record ComponentDraft(ComponentKey Key, DateTimeOffset CreatedAt, IReadOnlyList<AssetDraft> Assets);

/// <summary>A component as stored, with its assets; <paramref name="Created"/> false when it was there already.</summary>
public sealed record StoredComponent(Component Component, bool Created);

/// <summary>An asset as stored; <paramref name="Created"/> false when the path held one already (kept, or replaced).</summary>
public sealed record StoredAsset(Asset Asset, bool Created);
