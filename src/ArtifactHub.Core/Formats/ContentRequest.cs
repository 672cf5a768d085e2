using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Core.Formats;

/// <summary>A request on a repository's content URL, free of HTTP plumbing so that formats stay testable.</summary>
/// <param name="Path">The part of the URL after <c>/repository/{name}/</c>, as sent (Go: still case-encoded).</param>
/// <param name="Body">The request body for uploads; empty otherwise.</param>
/// <param name="UserName">The authenticated caller, if any.</param>
public sealed record ContentRequest(
    Repository Repository,
    string Method,
    string Path,
    Stream Body,
    long? ContentLength,
    string? UserName)
{
    /// <summary>
    /// The body already staged by the caller (who disposes it), used instead of <see cref="Body"/> so that an upload is
    /// not copied to disk twice; the blob store may take the file.
    /// </summary>
    public StagedFile? StagedBody { get; init; }
}
