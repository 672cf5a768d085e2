using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Core.Content;

/// <summary>A file served at a path of a repository; its bytes are a blob named by their SHA-256.</summary>
public sealed class Asset
{
    public long Id { get; set; }

    public int RepositoryId { get; set; }

    public Repository? Repository { get; set; }

    /// <summary>Null for metadata that belongs to no single version (a cached version list).</summary>
    public long? ComponentId { get; set; }

    public Component? Component { get; set; }

    /// <summary>The path inside the repository, decoded (Go: <c>example.com/Org/Lib/@v/v1.0.0.zip</c>).</summary>
    public required string Path { get; set; }

    /// <summary>What the format calls this file (Go: info, mod, zip).</summary>
    public required string Kind { get; set; }

    public required string BlobSha256 { get; set; }

    public long Size { get; set; }

    public required string ContentType { get; set; }

    /// <summary>The format's own checksum of the content, if it has one (Go: the h1: hash of a zip or go.mod).</summary>
    public string? FormatHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
