using System.Security.Claims;
using ArtifactHub.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// The session cookie holds only who signed in and a stamp of their password. On every request the user is read
/// again: a disabled or deleted account or a changed password ends the session, and roles and privileges are current.
/// The cookie scheme never redirects: the API answers 401 and 403.
/// </summary>
public sealed class SessionCookieEvents(ArtifactHubDbContext db, PrincipalFactory principals) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var ticket = context.Principal!;
        var id = ArtifactHubClaims.UserIdOf(ticket);
        var user = id is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, context.HttpContext.RequestAborted);
        if (user is null || user.Disabled || user.PasswordHash is null ||
            ticket.FindFirstValue(ArtifactHubClaims.PasswordStamp) != PrincipalFactory.PasswordStampOf(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ArtifactHubSchemes.Session);
            return;
        }

        // Replaces the caller for this request only; a renewed cookie keeps the small ticket.
        context.ReplacePrincipal(await principals.CreateAsync(user, ArtifactHubSchemes.Session, token: null, context.HttpContext.RequestAborted));
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        AuthenticationChallenge.WriteUnauthorizedAsync(context.HttpContext);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        AuthenticationChallenge.WriteForbiddenAsync(context.HttpContext);

    public override Task RedirectToLogout(RedirectContext<CookieAuthenticationOptions> context) => Task.CompletedTask;

    public override Task RedirectToReturnUrl(RedirectContext<CookieAuthenticationOptions> context) => Task.CompletedTask;
}
