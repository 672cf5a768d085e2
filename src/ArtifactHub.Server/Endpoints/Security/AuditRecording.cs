using ArtifactHub.Core.Security;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary>Who acted, named outright instead of taken from the request's caller (a sign-in: the caller is not, or not yet, who acts).</summary>
/// <param name="UserName">The user name, or null for nobody (a failed sign-in).</param>
public readonly record struct AuditActor(string? UserName);

public static class AuditRecording
{
    /// <summary>
    /// Writes an entry for what the caller of <paramref name="context"/> did: actor = their user name (null when
    /// anonymous) unless <paramref name="actor"/> names it, remote address = the connection's, time = now (the audit
    /// log's clock). Written even when the caller has gone, so it is not cancelled with the request. Callers never pass
    /// a secret in <paramref name="details"/>.
    /// </summary>
    public static Task RecordAsync(
        this IAuditLog log, HttpContext context, string action, string? target, bool succeeded = true, string? details = null, AuditActor? actor = null) =>
        log.WriteAsync(
            new AuditEntry
            {
                Actor = actor is { } named ? named.UserName : context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null,
                Action = action,
                Target = target,
                Succeeded = succeeded,
                Details = details,
                RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
            },
            CancellationToken.None);

    /// <summary>
    /// <see cref="RecordAsync"/> for an answer that must not hang on the audit log (a sign-in, or content already
    /// written to the client): a failure to keep the entry is logged, not thrown.
    /// </summary>
    public static async Task TryRecordAsync(
        this IAuditLog log, HttpContext context, ILogger logger, string action, string? target, bool succeeded = true, string? details = null, AuditActor? actor = null)
    {
        try
        {
            await log.RecordAsync(context, action, target, succeeded, details, actor);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not write the audit entry {Action} for {Target}", action, target);
        }
    }
}
