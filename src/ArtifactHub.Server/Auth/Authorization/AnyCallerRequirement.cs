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
        // Not signed in means no credentials were sent: RejectedCredentialsMiddleware has answered refused ones.
        if (Caller.IsAuthenticated(context.User) ||
            (await anonymous.CurrentAsync(db, (context.Resource as HttpContext)?.RequestAborted ?? CancellationToken.None)).Enabled)
        {
            context.Succeed(requirement);
        }
    }
}
