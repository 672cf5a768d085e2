using ArtifactHub.Core.Security;
using ArtifactHub.Server.Endpoints.Security;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// Audits sign-ins and sign-outs, and logs failures. Successful Basic and Bearer requests are not audited: the go
/// command sends its credentials with every request. Never given a password, and of a token only its prefix. A sign-in
/// answer does not hang on the audit log: a failure to keep the entry is itself logged.
/// </summary>
public sealed class SignInAudit(IAuditLog audit, ILogger<SignInAudit> logger)
{
    public const string SignIn = "auth.sign-in";
    public const string SignOut = "auth.sign-out";

    /// <param name="attemptedUser">The user name that was sent (or the token's owner), if any.</param>
    /// <param name="details">How and why, e.g. "password: wrong password", "token ah_abc123: revoked".</param>
    public Task FailedAsync(HttpContext context, string? attemptedUser, string details)
    {
        logger.LogInformation("Failed sign-in for {UserName} from {RemoteAddress}: {Details}", attemptedUser, context.Connection.RemoteIpAddress, details);
        return audit.TryRecordAsync(context, logger, SignIn, attemptedUser, succeeded: false, details, actor: new AuditActor(null));
    }

    public Task SignedInAsync(HttpContext context, string userName, string details) =>
        audit.TryRecordAsync(context, logger, SignIn, userName, succeeded: true, details, actor: new AuditActor(userName));

    public Task SignedOutAsync(HttpContext context, string userName) =>
        audit.TryRecordAsync(context, logger, SignOut, userName, succeeded: true, "session", actor: new AuditActor(userName));
}
