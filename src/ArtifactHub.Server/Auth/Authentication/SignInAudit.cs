using ArtifactHub.Core.Security;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// Audits sign-ins and sign-outs, and logs failures. Successful Basic and Bearer requests are not audited: the go
/// command sends its credentials with every request. Never given a password, and of a token only its prefix.
/// </summary>
public sealed class SignInAudit(IAuditLog audit, TimeProvider clock, ILogger<SignInAudit> logger)
{
    public const string SignIn = "auth.sign-in";
    public const string SignOut = "auth.sign-out";

    /// <param name="attemptedUser">The user name that was sent (or the token's owner), if any.</param>
    /// <param name="details">How and why, e.g. "password: wrong password", "token ah_abc123: revoked".</param>
    public Task FailedAsync(HttpContext context, string? attemptedUser, string details)
    {
        logger.LogInformation("Failed sign-in for {UserName} from {RemoteAddress}: {Details}", attemptedUser, context.Connection.RemoteIpAddress, details);
        return WriteAsync(context, SignIn, actor: null, attemptedUser, succeeded: false, details);
    }

    public Task SignedInAsync(HttpContext context, string userName, string details) =>
        WriteAsync(context, SignIn, userName, userName, succeeded: true, details);

    public Task SignedOutAsync(HttpContext context, string userName) =>
        WriteAsync(context, SignOut, userName, userName, succeeded: true, "session");

    private async Task WriteAsync(HttpContext context, string action, string? actor, string? target, bool succeeded, string details)
    {
        try
        {
            // Not the request's token: an entry is kept even when the client goes away.
            await audit.WriteAsync(
                new AuditEntry
                {
                    Time = clock.GetUtcNow(),
                    Action = action,
                    Actor = actor,
                    Target = target,
                    Succeeded = succeeded,
                    Details = details,
                    RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
                },
                CancellationToken.None);
        }
        catch (Exception e)
        {
            // A sign-in answer does not hang on the audit log; the failure to keep the entry is itself logged.
            logger.LogError(e, "Could not write the audit entry {Action} for {UserName}", action, target);
        }
    }
}
