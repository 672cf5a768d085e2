using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Server.Endpoints;

/// <summary>
/// Create or change a repository. On change, name/format/type may be left out but not altered. <c>anonymousRead</c>
/// (default true) lets callers without credentials read it, while anonymous access is on and the anonymous role allows it.
/// </summary>
public sealed record RepositoryRequest(
    string? Name, string? Format, RepositoryType? Type, bool? Online, HostedSettings? Hosted, ProxySettings? Proxy = null, GroupSettings? Group = null, bool? AnonymousRead = null);

public sealed record RepositoryResponse(
    string Name,
    string Format,
    RepositoryType Type,
    bool Online,
    bool AnonymousRead,
    string Url,
    HostedSettings? Hosted,
    ProxySettings? Proxy,
    GroupSettings? Group,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static RepositoryResponse From(Repository repository, HttpRequest request)
    {
        var settings = RepositorySettings.Read(repository);
        return new RepositoryResponse(
            repository.Name,
            repository.Format,
            repository.Type,
            repository.Online,
            repository.AnonymousRead,
            $"{request.Scheme}://{request.Host}{request.PathBase}/repository/{repository.Name}/",
            settings.Hosted,
            UpstreamCredentials.ForDisplay(settings.Proxy),
            settings.Group,
            repository.CreatedAt,
            repository.UpdatedAt);
    }
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record ModuleSummary(string Module, int Versions, string? Latest, DateTimeOffset UpdatedAt);

public sealed record ModuleVersion(string Version, DateTimeOffset Time, long Size, string? ZipHash, string? ModHash);

public sealed record ModuleDetail(string Module, IReadOnlyList<ModuleVersion> Versions);
