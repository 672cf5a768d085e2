using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Core.Formats;

/// <summary>
/// Picks the handler for a repository's format and type from those registered at start-up, and applies the rules
/// that hold for every repository whoever asks: the content endpoint and a group asking its members alike.
/// </summary>
public sealed class RepositoryHandlers(IEnumerable<IRepositoryHandler> handlers)
{
    private readonly Dictionary<(string Format, RepositoryType Type), IRepositoryHandler> byKey =
        handlers.ToDictionary(h => (h.Format, h.Type));

    public bool Supports(string format, RepositoryType type) => byKey.ContainsKey((format, type));

    /// <summary>Offline (503, but a proxy still serves its cache), writes only to hosted (405), a known handler (501), then the handler.</summary>
    public Task<ContentResponse> AnswerAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        var repository = request.Repository;
        if (Refusal(repository, request.Method) is { } refused)
        {
            return Task.FromResult(refused);
        }

        return byKey.TryGetValue((repository.Format, repository.Type), out var handler)
            ? handler.HandleAsync(request, cancellationToken)
            : Task.FromResult(ContentResponse.Text(501, $"repository {repository.Name}: {repository.Format} {repository.TypeName} repositories are not supported by this server"));
    }

    /// <summary>
    /// What any request of <paramref name="method"/> on the repository is answered before its handler sees it (offline,
    /// a write to a repository that is not hosted), or null: for callers that must answer as the content URL would
    /// before they read a body.
    /// </summary>
    public static ContentResponse? Refusal(RepositoryContext repository, string method)
    {
        if (!repository.Online && repository.Type != RepositoryType.Proxy)
        {
            return ContentResponse.Text(503, $"repository {repository.Name} is offline");
        }

        return method is "PUT" or "DELETE" && repository.Type != RepositoryType.Hosted
            ? ContentResponse.Text(405, $"repository {repository.Name} is a {repository.TypeName} repository: publish to a hosted repository")
            : null;
    }
}
