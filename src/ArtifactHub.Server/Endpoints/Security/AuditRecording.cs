using ArtifactHub.Core.Security;

namespace ArtifactHub.Server.Endpoints.Security;

public static class AuditRecording
{
    /// <summary>
    /// Writes an entry for what the caller of <paramref name="context"/> did: actor = their user name (null when
    /// anonymous), remote address = the connection's, time = now (the audit log's clock). Written even when the caller has gone, so it is not cancelled
    /// with the request. Callers never pass a secret in <paramref name="details"/>.
    /// </summary>
    public static Task RecordAsync(this IAuditLog log, HttpContext context, string action, string? target, bool succeeded = true, string? details = null) =>
        log.WriteAsync(
            new AuditEntry
            {
                Actor = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null,
                Action = action,
                Target = target,
                Succeeded = succeeded,
                Details = details,
                RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
            },
            CancellationToken.None);
}
