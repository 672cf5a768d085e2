using System.Security.Claims;
using ArtifactHub.Data;
using ArtifactHub.Server.Auth;
using ArtifactHub.Server.Auth.Authentication;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary>
/// Who the caller is and what they hold. <c>privileges</c> are those of their roles; a caller with a scoped token
/// may do only what both those and <c>token.scope</c> allow.
/// </summary>
public sealed record MeResponse(string UserName, string? DisplayName, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Privileges, MeToken? Token);

/// <summary>The token the caller came with; <c>scope</c> null: not narrowed.</summary>
public sealed record MeToken(long Id, string? Name, IReadOnlyList<string>? Scope);

public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", GetAsync).RequireAuthorization(Policies.Authenticated).WithTags("Security");
        return app;
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal caller, ArtifactHubDbContext db, CancellationToken cancellationToken)
    {
        var userId = ArtifactHubClaims.UserIdOf(caller);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var tokenId = ArtifactHubClaims.TokenIdOf(caller);
        MeToken? token = null;
        if (tokenId is { } id)
        {
            var name = await db.ApiTokens.AsNoTracking().Where(t => t.Id == id).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
            var scope = caller.HasClaim(ArtifactHubClaims.Scoped, "true") ? caller.FindAll(ArtifactHubClaims.Scope).Select(c => c.Value).ToList() : null;
            token = new MeToken(id, name, scope);
        }

        return Results.Ok(new MeResponse(
            user?.UserName ?? caller.Identity!.Name!,
            user?.DisplayName,
            user?.Email,
            caller.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
            caller.FindAll(ArtifactHubClaims.Privilege).Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            token));
    }
}
