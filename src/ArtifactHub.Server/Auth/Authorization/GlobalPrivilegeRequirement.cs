using ArtifactHub.Server.Auth.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace ArtifactHub.Server.Auth.Authorization;

/// <summary>The caller holds a global privilege (<c>repositories.manage</c>, <c>security.manage</c>, <c>audit.read</c>), within its token's scope.</summary>
public sealed record GlobalPrivilegeRequirement(string Privilege) : IAuthorizationRequirement;

public sealed class GlobalPrivilegeHandler : AuthorizationHandler<GlobalPrivilegeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GlobalPrivilegeRequirement requirement)
    {
        // Only signed-in callers: the anonymous role grants repository reads, never a global privilege.
        if (Caller.IsAuthenticated(context.User) && ArtifactHubClaims.PermissionsOf(context.User).Has(requirement.Privilege))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
