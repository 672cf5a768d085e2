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

    public IReadOnlyCollection<string> Formats => byKey.Keys.Select(k => k.Format).Distinct().Order().ToList();

    public bool Supports(string format, RepositoryType type) => byKey.ContainsKey((format, type));

    public IRepositoryHandler? Find(Repository repository) => byKey.GetValueOrDefault((repository.Format, repository.Type));

    /// <summary>Offline (503, but a proxy still serves its cache), writes only to hosted (405), a known handler (501), then the handler.</summary>
    public Task<ContentResponse> AnswerAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        var repository = request.Repository;
        var type = repository.Type.ToString().ToLowerInvariant();
        if (!repository.Online && repository.Type != RepositoryType.Proxy)
        {
            return Task.FromResult(ContentResponse.Text(503, $"repository {repository.Name} is offline"));
        }

        if (request.Method is "PUT" or "DELETE" && repository.Type != RepositoryType.Hosted)
        {
            return Task.FromResult(ContentResponse.Text(405, $"repository {repository.Name} is a {type} repository: publish to a hosted repository"));
        }

        return Find(repository) is { } handler
            ? handler.HandleAsync(request, cancellationToken)
            : Task.FromResult(ContentResponse.Text(501, $"repository {repository.Name}: {repository.Format} {type} repositories are not supported by this server"));
    }
}
