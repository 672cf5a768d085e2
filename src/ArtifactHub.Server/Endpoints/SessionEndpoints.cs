using ArtifactHub.Server.Auth.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace ArtifactHub.Server.Endpoints;

public sealed record SessionRequest(string? UserName, string? Password);

public sealed record SessionResponse(string UserName, string? DisplayName, IReadOnlyList<string> Roles);

public sealed record AntiforgeryResponse(string Token, string HeaderName);

/// <summary>
/// <c>/api/v1/session</c>: browser sign-in with a user name and password, as an HttpOnly, SameSite=Strict cookie. Changes
/// made with the cookie need the antiforgery token from <c>GET /api/v1/session/antiforgery</c>, fetched after signing in
/// (the token is bound to the signed-in user).
/// </summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/session").WithTags("Session").AllowAnonymous();
        group.MapPost("/", SignInAsync)
            .DisableAntiforgery() // there is no session yet to forge
            .RequireRateLimiting(SignInRateLimitPolicy.Name);
        group.MapDelete("/", SignOutAsync);
        group.MapGet("/antiforgery", Antiforgery);
        return app;
    }

    private static async Task<IResult> SignInAsync(
        SessionRequest body,
        PasswordSignIn passwords,
        PrincipalFactory principals,
        SignInAudit audit,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body.UserName) || string.IsNullOrEmpty(body.Password))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [string.IsNullOrEmpty(body.UserName) ? "userName" : "password"] = ["Give a user name and a password."],
            });
        }

        var check = await passwords.CheckAsync(body.UserName, body.Password, cancellationToken);
        if (check.User is not { } user)
        {
            await audit.FailedAsync(context, body.UserName, $"password (session): {check.Failure}");
            // The same answer whatever was wrong: it must not tell which user names exist.
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "Unknown user name or wrong password.");
        }

        await context.SignInAsync(ArtifactHubSchemes.Session, PrincipalFactory.SessionTicket(user), new AuthenticationProperties { AllowRefresh = true });
        var roles = await principals.RoleNamesAsync(user.Id, cancellationToken);
        await audit.SignedInAsync(context, user.UserName, "session");
        return Results.Ok(new SessionResponse(user.UserName, user.DisplayName, roles));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, SignInAudit audit)
    {
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: ArtifactHubSchemes.Session, Name: { } userName })
        {
            await audit.SignedOutAsync(context, userName);
        }

        await context.SignOutAsync(ArtifactHubSchemes.Session);
        return Results.NoContent();
    }

    private static IResult Antiforgery(IAntiforgery antiforgery, HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Results.Ok(new AntiforgeryResponse(tokens.RequestToken!, tokens.HeaderName ?? SessionAntiforgeryMiddleware.HeaderName));
    }
}
