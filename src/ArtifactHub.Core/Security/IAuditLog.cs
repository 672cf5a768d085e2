namespace ArtifactHub.Core.Security;

/// <summary>
/// Writes audit entries. An entry is written in a unit of its own, so that it is kept even when the audited action
/// fails and rolls back. Callers never put a secret into an entry.
/// </summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}
