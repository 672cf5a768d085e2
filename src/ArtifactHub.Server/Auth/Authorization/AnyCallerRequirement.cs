using ArtifactHub.Data;
using Microsoft.AspNetCore.Authorization;

namespace ArtifactHub.Server.Auth.Authorization;

/// <summary>
/// A signed-in caller, or one without credentials while anonymous access is on. For lists whose items are then
/// filtered one by one (<see cref="RepositoryAccessHandler"/> with the item as the resource).
/// </summary>
public sealed record AnyCallerRequirement : IAuthorizationRequirement;

public sealed class AnyCallerHandler(ArtifactHubDbContext db, AnonymousAccess anonymous) : AuthorizationHandler<AnyCallerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AnyCallerRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (Caller.IsAuthenticated(context.User) ||
            (Caller.IsAnonymous(context.User, http) && (await anonymous.CurrentAsync(db, http?.RequestAborted ?? CancellationToken.None)).Enabled))
        {
            context.Succeed(requirement);
        }
    }
}
