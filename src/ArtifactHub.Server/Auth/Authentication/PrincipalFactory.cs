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
/// cache: two small indexed queries, and a changed role, privilege or scope counts at once.
/// </summary>
public sealed class PrincipalFactory(ArtifactHubDbContext db)
{
    public async Task<ClaimsPrincipal> CreateAsync(User user, string scheme, ApiToken? token, CancellationToken cancellationToken)
    {
        var roles = await db.Users.Where(u => u.Id == user.Id)
            .SelectMany(u => u.Roles.Select(r => r.Role!.Name))
            .ToListAsync(cancellationToken);
        var privileges = await db.PrivilegesOfUserAsync(user.Id, cancellationToken);

        var claims = Identify(user);
        claims.AddRange(roles.Order(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(privileges.Distinct(StringComparer.Ordinal).Select(p => new Claim(ArtifactHubClaims.Privilege, p)));
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
