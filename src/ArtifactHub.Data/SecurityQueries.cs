using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data;

public static class SecurityQueries
{
    /// <summary>The privileges (text form) of all the roles a user holds, each once. Whether the user is disabled is not considered here.</summary>
    public static Task<List<string>> PrivilegesOfUserAsync(this ArtifactHubDbContext db, int userId, CancellationToken cancellationToken) =>
        db.Set<UserRole>()
            .Where(ur => ur.UserId == userId)
            .SelectMany(ur => ur.Role!.Privileges.Select(p => p.Value))
            .Distinct()
            .OrderBy(v => v)
            .ToListAsync(cancellationToken);

    /// <summary>The privileges (text form) of a role by name (names ignore case); empty when there is no such role.</summary>
    public static Task<List<string>> PrivilegesOfRoleAsync(this ArtifactHubDbContext db, string roleName, CancellationToken cancellationToken) =>
        db.Roles
            .Where(r => r.Name == roleName)
            .SelectMany(r => r.Privileges.Select(p => p.Value))
            .OrderBy(v => v)
            .ToListAsync(cancellationToken);
}
