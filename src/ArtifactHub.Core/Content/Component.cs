using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Core.Content;

/// <summary>One version of one package in one repository (for Go: a module version).</summary>
public sealed class Component
{
    public long Id { get; set; }

    public int RepositoryId { get; set; }

    public Repository? Repository { get; set; }

    /// <summary>The package name as the format spells it (Go: the module path, not case-encoded).</summary>
    public required string Name { get; set; }

    /// <summary>The canonical version.</summary>
    public required string Version { get; set; }

    /// <summary>When the version was published or first cached.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How many times its package file (Go: the .zip) was downloaded; written in batches, so it may lag a little.</summary>
    public long DownloadCount { get; set; }

    public List<Asset> Assets { get; set; } = [];
}
