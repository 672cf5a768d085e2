namespace ArtifactHub.Core.Repositories;

/// <summary>
/// Repositories by name, as every content request needs them: briefly cached, since they rarely change. A change made
/// on this node is seen at once (the writer evicts it); one made on another node within a few seconds.
/// </summary>
public interface IRepositoryDirectory
{
    /// <summary>The repository of that name (compared without regard to case), or null.</summary>
    Task<RepositoryContext?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Forgets what is cached of the repository, after its row changed or went.</summary>
    void Evict(string name);
}
