using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Core.Formats;

/// <summary>
/// Browsing a repository of one format under <c>/api/v1/repositories/{name}/{view}/{path}</c> (Go: <c>modules</c>,
/// <c>versions</c>, <c>files</c>; raw: <c>tree</c>). Browsing reads only what is stored: it never asks an upstream.
/// </summary>
public interface IFormatBrowser
{
    string Format { get; }

    /// <summary>The views this format answers; any other view of one of its repositories is a 404.</summary>
    IReadOnlyCollection<string> Views { get; }

    Task<BrowseAnswer> BrowseAsync(BrowseRequest request, CancellationToken cancellationToken);
}

/// <param name="Sources">
/// Whose content to show: the repository itself, or a group's members in order (groups expanded, each once); what the
/// first of them holds is what the group shows.
/// </param>
/// <param name="Path">What follows the view in the URL, decoded (Go: <c>{module}@{version}</c>; raw: a directory).</param>
public sealed record BrowseRequest(
    RepositoryContext Repository, IReadOnlyList<RepositoryContext> Sources, string View, string Path, string? Search, int Page, int PageSize);

/// <summary>A browse answer, which the server writes as JSON, as text or as problem details.</summary>
public abstract record BrowseAnswer
{
    /// <summary>A value written as JSON.</summary>
    public sealed record Found(object Value) : BrowseAnswer;

    /// <summary>A stored text file shown as text/plain that a browser neither sniffs nor runs.</summary>
    public sealed record Text(byte[] Content) : BrowseAnswer;

    public sealed record Problem(int Status, string Title, string Detail) : BrowseAnswer;

    public static Problem NotFound(string title, string detail) => new(404, title, detail);
}
