namespace ArtifactHub.Core.Repositories;

/// <summary>How a repository answers: as the source of truth, as a cache of a remote, or over ordered members.</summary>
public enum RepositoryType
{
    Hosted,
    Proxy,
    Group,
}
