using System.Security.Claims;

namespace ArtifactHub.Server.Auth.Authorization;

/// <summary>Who is asking, as far as authorization cares.</summary>
public static class Caller
{
    /// <summary>A signed-in caller: password, session or token.</summary>
    public static bool IsAuthenticated(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    /// <summary>
    /// A caller that sent no credentials at all. One that sent credentials which did not authenticate (a wrong
    /// password, a revoked or expired token) is not anonymous: it is refused with a challenge, so that it learns its
    /// credentials are bad instead of silently getting what anonymous callers get.
    /// </summary>
    public static bool IsAnonymous(ClaimsPrincipal user, HttpContext? http) =>
        !IsAuthenticated(user) && (http is null || string.IsNullOrEmpty(http.Request.Headers.Authorization));
}
