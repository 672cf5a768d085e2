using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Core.Formats;

/// <summary>A request on a repository's content URL, free of HTTP plumbing so that formats stay testable.</summary>
/// <param name="Path">The part of the URL after <c>/repository/{name}/</c>, as sent (Go: still case-encoded).</param>
/// <param name="Body">The request body for uploads; empty otherwise.</param>
/// <param name="UserName">The authenticated caller, if any.</param>
public sealed record ContentRequest(
    RepositoryContext Repository,
    string Method,
    string Path,
    Stream Body,
    long? ContentLength,
    string? UserName)
{
    /// <summary>The Accept header, for answers with more than one form (a raw directory: HTML or JSON).</summary>
    public string? Accept { get; init; }
}
