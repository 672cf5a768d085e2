using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Core.Formats;

/// <summary>
/// Answers the content requests of repositories of one format and one type (Format × Type, as in Nexus's recipes).
/// A new format or type is a new handler registered in DI; the core does not change.
/// </summary>
public interface IRepositoryHandler
{
    string Format { get; }

    RepositoryType Type { get; }

    Task<ContentResponse> HandleAsync(ContentRequest request, CancellationToken cancellationToken);
}
