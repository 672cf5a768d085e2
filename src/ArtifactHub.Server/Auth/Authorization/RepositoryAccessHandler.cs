using System.Security.Claims;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Server.Auth.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace ArtifactHub.Server.Auth.Authorization;

/// <summary>
/// Decides on the repository's name alone, before anything is looked up, so that a caller without read learns the
/// same 401/403 whether the repository exists or not. A signed-in caller needs a privilege that allows the action
/// (within its token's scope), or, for a read, what a caller without credentials may read: the go command sends its
/// .netrc credentials on every request to a host, so a token for one private repository must not lose the public
/// ones. A caller without credentials may only read, and only while anonymous access is on, the repository allows
/// anonymous reads (one that does not exist counts as allowing, so it can answer 404) and the anonymous role's
/// privileges allow the read.
/// </summary>
public sealed class RepositoryAccessHandler(ArtifactHubDbContext db, IRepositoryDirectory repositories, AnonymousAccess anonymous)
    : AuthorizationHandler<RepositoryAccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RepositoryAccessRequirement requirement)
    {
        var (name, known) = context.Resource switch
        {
            Repository repository => (repository.Name, repository),
            HttpContext request => (NameInRoute(request), null),
            _ => (null, null),
        };
        if (name is null)
        {
            return;
        }

        var cancellationToken = (context.Resource as HttpContext)?.RequestAborted ?? CancellationToken.None;
        if (await AllowsAsync(context.User, name, known, requirement.Action, cancellationToken))
        {
            context.Succeed(requirement);
        }
    }

    private async Task<bool> AllowsAsync(ClaimsPrincipal user, string name, Repository? known, RepositoryAction action, CancellationToken cancellationToken)
    {
        if (Caller.IsAuthenticated(user) && ArtifactHubClaims.PermissionsOf(user).Can(name, action))
        {
            return true;
        }

        // Not signed in means no credentials were sent: RejectedCredentialsMiddleware has answered refused ones.
        if (action != RepositoryAction.Read)
        {
            return false;
        }

        var grant = await anonymous.CurrentAsync(db, cancellationToken);
        if (!grant.Enabled || !grant.Permissions.Can(name, RepositoryAction.Read))
        {
            return false;
        }

        var repository = known ?? (await repositories.FindAsync(name, cancellationToken))?.Row;
        return repository?.AnonymousRead ?? true;
    }

    private static string? NameInRoute(HttpContext request) =>
        RepositoryAccessRequirement.RouteKeys.Select(key => request.GetRouteValue(key) as string).FirstOrDefault(value => !string.IsNullOrEmpty(value));
}
