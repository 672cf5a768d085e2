using System.Security.Cryptography;
using System.Text;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>The outcome of a sign-in: the user, or why not (for the audit log only; the client is told less).</summary>
public sealed record SignInCheck(User? User, string? Failure)
{
    public static SignInCheck Refused(string why) => new(null, why);
}

/// <summary>
/// A user name and password, checked against the user's row, which is read on every request so that disabling an
/// account counts at once. Only the slow PBKDF2 verification is remembered (<see cref="VerifiedFor"/>), keyed by a
/// digest that covers the stored hash, so a changed password never matches a remembered one.
/// </summary>
public sealed class PasswordSignIn(ArtifactHubDbContext db, IPasswordHasher<User> hasher, IMemoryCache verified)
{
    /// <summary>The go command sends its credentials with every request; PBKDF2 is deliberately slow.</summary>
    public static readonly TimeSpan VerifiedFor = TimeSpan.FromMinutes(5);

    /// <summary>Verified against when there is no such user, so that the answer takes as long as for a wrong password.</summary>
    private static readonly Lazy<string> NoSuchUserHash = new(() =>
        new PasswordHasher<User>().HashPassword(new User { UserName = "-" }, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public async Task<SignInCheck> CheckAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = UserNameRule.IsValid(userName)
            ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            : null;
        if (user is null)
        {
            hasher.VerifyHashedPassword(new User { UserName = userName }, NoSuchUserHash.Value, password);
            return SignInCheck.Refused("no such user");
        }

        if (user.PasswordHash is null)
        {
            return SignInCheck.Refused("a service account signs in with tokens only");
        }

        if (!Verify(user, user.PasswordHash, password))
        {
            return SignInCheck.Refused("wrong password");
        }

        return user.Disabled ? SignInCheck.Refused("account disabled") : new SignInCheck(user, null);
    }

    private bool Verify(User user, string storedHash, string password)
    {
        // The key holds no secret in clear: a digest of name, password and stored hash.
        var key = "password-verified:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Id}\0{password}\0{storedHash}")));
        if (verified.TryGetValue(key, out _))
        {
            return true;
        }

        if (hasher.VerifyHashedPassword(user, storedHash, password) == PasswordVerificationResult.Failed)
        {
            return false;
        }

        verified.Set(key, true, VerifiedFor);
        return true;
    }
}
