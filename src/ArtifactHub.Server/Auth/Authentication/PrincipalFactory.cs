using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// Builds a signed-in caller (see <see cref="ArtifactHubClaims"/>) from the database on every request, without a
/// cache: one small indexed query for the user's roles and their privileges, so a changed role, privilege or scope
/// counts at once.
/// </summary>
public sealed class PrincipalFactory(ArtifactHubDbContext db)
{
    public async Task<ClaimsPrincipal> CreateAsync(User user, string scheme, ApiToken? token, CancellationToken cancellationToken)
    {
        // One round trip (a join, not split): each role the user holds, with its privileges.
        var roles = await db.Set<UserRole>()
            .Where(ur => ur.UserId == user.Id)
            .Select(ur => new { ur.Role!.Name, Privileges = ur.Role.Privileges.Select(p => p.Value).ToList() })
            .AsSingleQuery()
            .ToListAsync(cancellationToken);

        var claims = Identify(user);
        claims.AddRange(roles.Select(r => r.Name).Order(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(roles.SelectMany(r => r.Privileges).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(p => new Claim(ArtifactHubClaims.Privilege, p)));
        if (token is not null)
        {
            claims.Add(new Claim(ArtifactHubClaims.Token, token.Id.ToString(CultureInfo.InvariantCulture)));
            if (token.Scope is { } scope)
            {
                claims.Add(new Claim(ArtifactHubClaims.Scoped, "true"));
                claims.AddRange(scope.Select(p => new Claim(ArtifactHubClaims.Scope, p)));
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The names of the roles a user holds, in ordinal order (as in the caller's role claims).</summary>
    public async Task<List<string>> RoleNamesAsync(int userId, CancellationToken cancellationToken)
    {
        var names = await db.Set<UserRole>().Where(ur => ur.UserId == userId).Select(ur => ur.Role!.Name).ToListAsync(cancellationToken);
        return names.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>What a session cookie holds: who, and a stamp of the password; the rest is loaded on each request.</summary>
    public static ClaimsPrincipal SessionTicket(User user)
    {
        var claims = Identify(user);
        claims.Add(new Claim(ArtifactHubClaims.PasswordStamp, PasswordStampOf(user)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ArtifactHubSchemes.Session, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>A digest of the stored password hash (itself a salted hash): changes whenever the password does.</summary>
    public static string PasswordStampOf(User user) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash ?? "")))[..16];

    private static List<Claim> Identify(User user) =>
    [
        new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
        new(ClaimTypes.Name, user.UserName),
    ];
}
