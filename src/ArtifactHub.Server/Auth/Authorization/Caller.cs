using System.Security.Claims;

namespace ArtifactHub.Server.Auth.Authorization;

/// <summary>Who is asking, as far as authorization cares.</summary>
public static class Caller
{
    /// <summary>A signed-in caller: password, session or token.</summary>
    public static bool IsAuthenticated(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;
}
