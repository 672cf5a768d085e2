using System.Security.Claims;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Server.Auth;
using ArtifactHub.Server.Auth.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary>
/// <c>/api/v1/security/tokens</c>: every signed-in user manages their own API tokens; security.manage reaches
/// everyone's. A caller that came with a scoped token can do none of it (a new token would escape the scope).
/// </summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/security/tokens").RequireAuthorization(Policies.ManageOwnTokens).WithTags("Security");
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).AddEndpointFilter<ValidationFilter<TokenCreateRequest>>();
        group.MapDelete("/{id:long}", RevokeAsync);
        return app;
    }

    /// <summary>The caller's tokens, or <paramref name="userName"/>'s, or with <paramref name="allUsers"/> everyone's (those two need security.manage); newest first.</summary>
    private static async Task<IResult> ListAsync(
        ClaimsPrincipal caller, ArtifactHubDbContext db, IAuthorizationService authorization, CancellationToken cancellationToken, string? userName = null, bool allUsers = false)
    {
        if (allUsers)
        {
            if (!await ManagesSecurityAsync(caller, authorization))
            {
                return Results.Forbid();
            }

            var all = await db.ApiTokens.AsNoTracking().Include(t => t.User).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
            return Results.Ok(all.Select(t => TokenResponse.From(t, t.User!.UserName)));
        }

        var owner = await OwnerAsync(caller, userName, db, authorization, cancellationToken);
        if (owner.Problem is { } problem)
        {
            return problem;
        }

        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == owner.User!.Id).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
        return Results.Ok(tokens.Select(t => TokenResponse.From(t, owner.User!.UserName)));
    }

    private static async Task<IResult> CreateAsync(
        TokenCreateRequest body,
        ClaimsPrincipal caller,
        ArtifactHubDbContext db,
        IAuthorizationService authorization,
        IAuditLog audit,
        TimeProvider clock,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var owner = await OwnerAsync(caller, body.UserName, db, authorization, cancellationToken);
        if (owner.Problem is { } problem)
        {
            return problem;
        }

        var user = owner.User!;
        if (user.Disabled)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["userName"] = [$"'{user.UserName}' is disabled."] });
        }

        if (owner.Other && user.PasswordHash is not null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userName"] = [$"'{user.UserName}' signs in with a password: only its owner creates its tokens. Tokens for another user are for service accounts (users without a password)."],
            });
        }

        var now = clock.GetUtcNow();
        var text = ApiTokenSecret.NewToken();
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = body.Name!,
            Prefix = ApiTokenSecret.PrefixOf(text),
            Hash = ApiTokenSecret.Hash(text),
            Scope = body.Scope is null ? null : RoleRules.Normalize(body.Scope),
            CreatedAt = now,
            ExpiresAt = body.ExpiresAt ?? (body.ExpiresInDays is { } days ? now.AddDays(days) : null),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);

        var scope = token.Scope is null ? "all of the user's privileges" : "scope: " + string.Join(", ", token.Scope);
        var expires = token.ExpiresAt is { } at ? "expires " + at.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "never expires";
        await audit.RecordAsync(context, "token.create", user.UserName, details: $"token {token.Id} '{token.Name}' ({token.Prefix}…); {scope}; {expires}");
        return Results.Created(
            (string?)null,
            new TokenCreatedResponse(token.Id, token.Name, user.UserName, token.Prefix, text, token.Scope, token.ExpiresAt, token.CreatedAt));
    }

    private static async Task<IResult> RevokeAsync(
        long id, ClaimsPrincipal caller, ArtifactHubDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

        // Someone else's token is "not found" to a caller who may not manage it: ids of other users' tokens are not confirmed.
        if (token is null || (token.UserId != ArtifactHubClaims.UserIdOf(caller) && !await ManagesSecurityAsync(caller, authorization)))
        {
            return Results.Problem(statusCode: 404, title: "Token not found", detail: $"There is no token {id} of yours.");
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(context, "token.revoke", token.User?.UserName, details: $"token {token.Id} '{token.Name}' ({token.Prefix}…)");
        }

        return Results.NoContent();
    }

    private sealed record Owner(User? User, bool Other, IResult? Problem);

    /// <summary>The caller, or the user named by <paramref name="userName"/> when it is someone else and the caller manages security.</summary>
    private static async Task<Owner> OwnerAsync(
        ClaimsPrincipal caller, string? userName, ArtifactHubDbContext db, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var callerId = ArtifactHubClaims.UserIdOf(caller);
        var self = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == callerId, cancellationToken);
        if (self is null)
        {
            return new Owner(null, false, Results.Problem(statusCode: 403, title: "No account", detail: "This caller has no user account."));
        }

        if (userName is null || string.Equals(userName, self.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return new Owner(self, false, null);
        }

        if (!await ManagesSecurityAsync(caller, authorization))
        {
            return new Owner(null, true, Results.Forbid());
        }

        var other = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        return other is null
            ? new Owner(null, true, UserEndpoints.NotFound(userName))
            : new Owner(other, true, null);
    }

    private static async Task<bool> ManagesSecurityAsync(ClaimsPrincipal caller, IAuthorizationService authorization) =>
        (await authorization.AuthorizeAsync(caller, Policies.ManageSecurity)).Succeeded;
}
