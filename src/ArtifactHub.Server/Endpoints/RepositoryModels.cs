using System.Text.Json.Serialization;
using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Server.Endpoints;

/// <summary>
/// Create or change a repository. On change, name/format/type may be left out but not altered. <c>anonymousRead</c>
/// (default true) lets callers without credentials read it, while anonymous access is on and the anonymous role allows it.
/// </summary>
public sealed record RepositoryRequest(
    string? Name, string? Format, RepositoryType? Type, bool? Online, HostedSettings? Hosted, ProxySettings? Proxy = null, GroupSettings? Group = null, bool? AnonymousRead = null);

/// <summary>
/// A repository as the API shows it; <c>moduleCount</c>, <c>versionCount</c>, <c>fileCount</c> and <c>storageBytes</c> are
/// null for a group (and always written). Raw repositories hold files only: their module and version counts are 0.
/// </summary>
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
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? ModuleCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? VersionCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? FileCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? StorageBytes)
{
    /// <param name="counts">What it holds; null for a group (its members hold the content).</param>
    public static RepositoryResponse From(Repository repository, HttpRequest request, RepositoryCounts? counts)
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
            repository.UpdatedAt,
            counts?.Modules,
            counts?.Versions,
            counts?.Files,
            counts?.StorageBytes);
    }
}
