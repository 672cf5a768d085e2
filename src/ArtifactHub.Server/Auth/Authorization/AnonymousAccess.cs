using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ArtifactHub.Server.Auth.Authorization;

/// <summary>What callers without credentials may do right now: the server-wide switch and the anonymous role's privileges.</summary>
public sealed record AnonymousGrant(bool Enabled, Permissions Permissions);

/// <summary>
/// The anonymous grant, kept briefly: every anonymous content request needs it and it rarely changes. A change made
/// through the API on this node evicts it at once; one made on another node sharing the database counts within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class AnonymousAccess(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private const string Key = "security:anonymous-grant";

    public async Task<AnonymousGrant> CurrentAsync(ArtifactHubDbContext db, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key, out AnonymousGrant? cached) && cached is not null)
        {
            return cached;
        }

        var settings = await db.SecuritySettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new SecuritySettings();
        var privileges = settings.AnonymousAccess ? await db.PrivilegesOfRoleAsync(Role.Anonymous, cancellationToken) : [];
        var grant = new AnonymousGrant(settings.AnonymousAccess, Permissions.From(privileges));
        cache.Set(Key, grant, Lifetime);
        return grant;
    }

    public void Evict() => cache.Remove(Key);
}
