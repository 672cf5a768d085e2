using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Core.Formats;

/// <summary>Picks the handler for a repository's format and type from those registered at start-up.</summary>
public sealed class RepositoryHandlers(IEnumerable<IRepositoryHandler> handlers)
{
    private readonly Dictionary<(string Format, RepositoryType Type), IRepositoryHandler> byKey =
        handlers.ToDictionary(h => (h.Format, h.Type));

    public IReadOnlyCollection<string> Formats => byKey.Keys.Select(k => k.Format).Distinct().Order().ToList();

    public bool Supports(string format, RepositoryType type) => byKey.ContainsKey((format, type));

    public IRepositoryHandler? Find(Repository repository) => byKey.GetValueOrDefault((repository.Format, repository.Type));
}
