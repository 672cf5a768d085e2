using ArtifactHub.Server.Auth.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace ArtifactHub.Server.Auth.Authorization;

/// <summary>
/// A signed-in caller that did not come with a scoped token. A scoped token may not create, list or revoke tokens:
/// a new token would carry all of the user's privileges and so escape the scope.
/// </summary>
public sealed record NotScopedTokenRequirement : IAuthorizationRequirement;

public sealed class NotScopedTokenHandler : AuthorizationHandler<NotScopedTokenRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NotScopedTokenRequirement requirement)
    {
        if (Caller.IsAuthenticated(context.User) && !context.User.HasClaim(ArtifactHubClaims.Scoped, "true"))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
