using System.Globalization;
using System.Security.Claims;
using ArtifactHub.Core.Security;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// The claims every authentication scheme puts on a caller, and what authorization reads back:
/// <see cref="ClaimTypes.NameIdentifier"/> (user id), <see cref="ClaimTypes.Name"/> (user name), <see cref="ClaimTypes.Role"/>
/// (each role), <see cref="Privilege"/> (each privilege of those roles) and, for an API token, <see cref="Token"/>,
/// <see cref="Scoped"/> and each <see cref="Scope"/> privilege.
/// </summary>
public static class ArtifactHubClaims
{
    /// <summary>One privilege, in text form, held through one of the user's roles.</summary>
    public const string Privilege = "ah:privilege";

    /// <summary>The id of the API token the caller came with.</summary>
    public const string Token = "ah:token";

    /// <summary>One privilege of the token's scope (only meaningful with <see cref="Scoped"/>).</summary>
    public const string Scope = "ah:scope";

    /// <summary>"true" when the token has a scope, so that an empty scope still narrows to nothing.</summary>
    public const string Scoped = "ah:scoped";

    /// <summary>A short digest of the password hash at sign-in; a session ends when the password changes.</summary>
    internal const string PasswordStamp = "ah:password-stamp";

    /// <summary>What the caller may do: the privileges of their roles, narrowed by their token's scope.</summary>
    public static Permissions PermissionsOf(ClaimsPrincipal user)
    {
        var granted = user.FindAll(Privilege).Select(c => c.Value);
        var scoped = user.HasClaim(Scoped, "true");
        return Permissions.From(granted, scoped ? user.FindAll(Scope).Select(c => c.Value) : null);
    }

    /// <summary>The signed-in user's id, or null for an anonymous caller.</summary>
    public static int? UserIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The id of the API token the caller came with, or null.</summary>
    public static long? TokenIdOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(Token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
