using ArtifactHub.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace ArtifactHub.Server.Auth.Authorization;

/// <summary>
/// The caller may do <see cref="Action"/> to a repository: the one named in the route (<c>{repository}</c> or
/// <c>{name}</c>) when the resource is the request, or the <see cref="ArtifactHub.Core.Repositories.Repository"/>
/// given as the resource (to filter a list).
/// </summary>
public sealed record RepositoryAccessRequirement(RepositoryAction Action) : IAuthorizationRequirement
{
    public static readonly RepositoryAccessRequirement Read = new(RepositoryAction.Read);
    public static readonly RepositoryAccessRequirement Write = new(RepositoryAction.Write);
    public static readonly RepositoryAccessRequirement Delete = new(RepositoryAction.Delete);

    /// <summary>Route values that name the repository, in the order they are looked for.</summary>
    public static readonly IReadOnlyList<string> RouteKeys = ["repository", "name"];
}
