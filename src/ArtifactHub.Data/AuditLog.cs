using System.Diagnostics.CodeAnalysis;
using ArtifactHub.Core.Security;
using ArtifactHub.Data.Configurations;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Data;

/// <summary>
/// Writes each entry through a DbContext of its own, so that it is kept whatever becomes of the caller's unit of
/// work (an audited action that fails still leaves its entry). Over-long text is cut to fit rather than lose the entry.
/// </summary>
public sealed class AuditLog(IServiceScopeFactory scopes, TimeProvider time) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArtifactHubDbContext>();
        db.AuditEntries.Add(new AuditEntry
        {
            Time = entry.Time == default ? time.GetUtcNow() : entry.Time,
            Actor = Fit(entry.Actor, AuditEntryConfiguration.ActorLength),
            Action = Fit(entry.Action, AuditEntryConfiguration.ActionLength),
            Target = Fit(entry.Target, AuditEntryConfiguration.TargetLength),
            Succeeded = entry.Succeeded,
            Details = Fit(entry.Details, AuditEntryConfiguration.DetailsLength),
            RemoteAddress = Fit(entry.RemoteAddress, AuditEntryConfiguration.RemoteAddressLength),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    [return: NotNullIfNotNull(nameof(text))]
    private static string? Fit(string? text, int maxLength) => text is { Length: var length } && length > maxLength ? text[..maxLength] : text;
}
