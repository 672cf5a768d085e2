using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Auth;

/// <summary>
/// HTTP Basic, as the go command sends it (from .netrc or the GOPROXY URL). A 401 names the realm so that
/// clients know to retry with credentials.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ArtifactHubDbContext db,
    IPasswordHasher<User> hasher,
    IMemoryCache verified) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Basic";
    public const string Realm = "ArtifactHub";

    /// <summary>PBKDF2 is deliberately slow; the go command sends credentials on every request, so a verified pair is remembered briefly.</summary>
    private static readonly TimeSpan VerifiedFor = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) ||
            !string.Equals(header.Scheme, SchemeName, StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("malformed Basic credentials");
        }

        var colon = decoded.IndexOf(':');
        if (colon <= 0)
        {
            return AuthenticateResult.Fail("malformed Basic credentials");
        }

        var userName = decoded[..colon];
        var password = decoded[(colon + 1)..];
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, Context.RequestAborted);
        if (user is null || !Verify(user, password))
        {
            Logger.LogInformation("Failed sign-in for {UserName} from {Address}", userName, Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("invalid user name or password");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.UserName), new Claim(ClaimTypes.Role, Policies.AdminRole)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private bool Verify(User user, string password)
    {
        // The key covers the stored hash, so a changed password never matches a remembered one; it holds no secret in clear.
        var key = "basic:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.UserName}\0{password}\0{user.PasswordHash}")));
        if (verified.TryGetValue(key, out _))
        {
            return true;
        }

        if (user.PasswordHash is null || hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            return false;
        }

        verified.Set(key, true, VerifiedFor);
        return true;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync("authentication required: send HTTP Basic credentials (user name and password)\n");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync("forbidden: this account may not do that\n");
    }
}
