using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>The outcome of an API token sign-in: the token and its user, or why not (for the audit log only).</summary>
/// <param name="Label">"token" and the token's prefix: all of it that may be logged.</param>
public sealed record TokenCheck(string Label, ApiToken? Token, User? User, string? OwnerName, string? Failure)
{
    public bool Succeeded => Failure is null;
}

/// <summary>
/// An API token (from a Bearer header, or as the password of HTTP Basic): looked up by its SHA-256, on every request,
/// so that revoking it or disabling its user counts at once.
/// </summary>
public sealed class TokenSignIn(ArtifactHubDbContext db, TimeProvider clock, TokenUsageThrottle throttle, ILogger<TokenSignIn> logger)
{
    /// <param name="token">The token text; only its prefix ever leaves this method.</param>
    /// <param name="loginName">With HTTP Basic, the user name sent along, which must be the token's owner's.</param>
    public async Task<TokenCheck> CheckAsync(string token, string? loginName, CancellationToken cancellationToken)
    {
        if (!ApiTokenSecret.LooksLikeToken(token))
        {
            return new TokenCheck("token", null, null, loginName, "not an ArtifactHub token");
        }

        var label = "token " + ApiTokenSecret.PrefixOf(token);

        var hash = ApiTokenSecret.Hash(token);
        var found = await db.ApiTokens.AsNoTracking().Include(t => t.User).FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (found?.User is not { } user || !ApiTokenSecret.HashEquals(hash, found.Hash))
        {
            return new TokenCheck(label, null, null, loginName, "unknown");
        }

        var now = clock.GetUtcNow();
        var failure =
            found.RevokedAt is not null ? "revoked" :
            !found.IsActive(now) ? "expired" :
            user.Disabled ? "account disabled" :
            loginName is not null && !string.Equals(loginName, user.UserName, StringComparison.OrdinalIgnoreCase) ? $"belongs to another user than '{loginName}'" :
            null;
        if (failure is not null)
        {
            return new TokenCheck(label, null, null, loginName ?? user.UserName, failure);
        }

        await RecordUseAsync(found, now, cancellationToken);
        return new TokenCheck(label, found, user, user.UserName, null);
    }

    private async Task RecordUseAsync(ApiToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!throttle.ShouldRecord(token.Id, now))
        {
            return;
        }

        try
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Last use is a hint for the token list; a busy database must not fail the request that used the token.
            logger.LogWarning(e, "Could not record the use of API token {TokenPrefix}", token.Prefix);
        }
    }
}
