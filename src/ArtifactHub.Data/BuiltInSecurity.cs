using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data;

/// <summary>The rows security needs on every start: the settings row and the built-in roles. Safe to run each time.</summary>
public static class BuiltInSecurity
{
    public const string AdminDescription = "Everything";
    public const string AnonymousDescription = "Callers without credentials";
    public const string AnonymousDefaultPrivilege = "repository:*:read";

    /// <summary>
    /// Creates what is missing and changes nothing an administrator set: the <c>anonymous</c> role gets its default
    /// privileges only when it is created. The <c>admin</c> role means everything, so it gets back any of
    /// <see cref="Privilege.All"/> it lacks.
    /// </summary>
    public static async Task EnsureAsync(ArtifactHubDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.SecuritySettings.AnyAsync(s => s.Id == 1, cancellationToken))
        {
            db.SecuritySettings.Add(new SecuritySettings { Id = 1, AnonymousAccess = true });
        }

        var admin = await db.Roles.Include(r => r.Privileges).FirstOrDefaultAsync(r => r.Name == Role.Admin, cancellationToken);
        if (admin is null)
        {
            admin = new Role { Name = Role.Admin, Description = AdminDescription };
            db.Roles.Add(admin);
        }

        admin.BuiltIn = true;
        foreach (var missing in Privilege.All.Where(p => !admin.Privileges.Any(have => have.Value == p)))
        {
            admin.Privileges.Add(new RolePrivilege { Value = missing });
        }

        var anonymous = await db.Roles.FirstOrDefaultAsync(r => r.Name == Role.Anonymous, cancellationToken);
        if (anonymous is null)
        {
            db.Roles.Add(new Role
            {
                Name = Role.Anonymous,
                Description = AnonymousDescription,
                BuiltIn = true,
                Privileges = [new RolePrivilege { Value = AnonymousDefaultPrivilege }],
            });
        }
        else
        {
            anonymous.BuiltIn = true;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The built-in admin role; <see cref="EnsureAsync"/> must have run.</summary>
    public static async Task<Role> AdminRoleAsync(ArtifactHubDbContext db, CancellationToken cancellationToken) =>
        await db.Roles.FirstOrDefaultAsync(r => r.Name == Role.Admin, cancellationToken)
        ?? throw new InvalidOperationException($"The built-in role '{Role.Admin}' is missing: {nameof(BuiltInSecurity)}.{nameof(EnsureAsync)} runs first.");

    /// <summary>
    /// Lock-out guard (and the upgrade from the version without roles): when no enabled user holds the admin role,
    /// the user named <paramref name="userName"/>, if there is one, gets the role and is enabled. Returns that user,
    /// or null when nothing was changed.
    /// </summary>
    public static async Task<User?> EnsureAnAdministratorAsync(ArtifactHubDbContext db, string userName, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => !u.Disabled && u.Roles.Any(ur => ur.Role!.Name == Role.Admin), cancellationToken))
        {
            return null;
        }

        var user = await db.Users.Include(u => u.Roles).ThenInclude(ur => ur.Role).FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var role = await AdminRoleAsync(db, cancellationToken);
        if (!user.Roles.Any(ur => ur.RoleId == role.Id))
        {
            user.Roles.Add(new UserRole { RoleId = role.Id });
        }

        user.Disabled = false;
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}
