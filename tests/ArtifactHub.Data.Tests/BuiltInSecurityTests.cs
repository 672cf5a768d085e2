using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data.Tests;

/// <summary>What every start ensures: the settings row, the built-in roles, and an enabled administrator.</summary>
public abstract class BuiltInSecurityTests(TestDatabases databases) : IDisposable
{

    [Fact]
    public async Task Seeding_creates_the_settings_row_and_the_built_in_roles_once()
    {
        await using var db = await databases.MigratedAsync();

        await BuiltInSecurity.EnsureAsync(db, default);
        await BuiltInSecurity.EnsureAsync(db, default);

        await using var check = databases.Open();
        var settings = await check.SecuritySettings.SingleAsync();
        Assert.Equal((1, true), (settings.Id, settings.AnonymousAccess));
        var roles = await check.Roles.Include(r => r.Privileges).OrderBy(r => r.Name).ToListAsync();
        Assert.Equal([Role.Admin, Role.Anonymous], roles.Select(r => r.Name));
        Assert.All(roles, r => Assert.True(r.BuiltIn));
        Assert.Equal(("Everything", "Callers without credentials"), (roles[0].Description, roles[1].Description));
        Assert.Equal(Privilege.All.Order(), roles[0].Privileges.Select(p => p.Value).Order());
        Assert.Equal(["repository:*:read"], roles[1].Privileges.Select(p => p.Value));
    }

    [Fact]
    public async Task A_restart_keeps_what_an_administrator_changed_and_gives_admin_back_what_it_lost()
    {
        await using (var db = await databases.MigratedAsync())
        {
            await BuiltInSecurity.EnsureAsync(db, default);
            (await db.SecuritySettings.SingleAsync()).AnonymousAccess = false;
            var anonymous = await db.Roles.Include(r => r.Privileges).SingleAsync(r => r.Name == Role.Anonymous);
            anonymous.Privileges.Clear();
            anonymous.Privileges.Add(new RolePrivilege { Value = "repository:public-*:read" });
            anonymous.Description = "Only the public ones";
            var admin = await db.Roles.Include(r => r.Privileges).SingleAsync(r => r.Name == Role.Admin);
            admin.Privileges.RemoveAll(p => p.Value == Privilege.ReadAudit);
            await db.SaveChangesAsync();
        }

        await using (var db = databases.Open())
        {
            await BuiltInSecurity.EnsureAsync(db, default);
        }

        await using (var db = databases.Open())
        {
            Assert.False((await db.SecuritySettings.SingleAsync()).AnonymousAccess);
            Assert.Equal(["repository:public-*:read"], await db.PrivilegesOfRoleAsync(Role.Anonymous, default));
            Assert.Equal("Only the public ones", (await db.Roles.SingleAsync(r => r.Name == Role.Anonymous)).Description);
            Assert.Equal(Privilege.All.Order(), await db.PrivilegesOfRoleAsync(Role.Admin, default));
        }
    }

    [Fact]
    public async Task After_an_upgrade_the_user_admin_becomes_an_administrator_once()
    {
        await using var db = await SeededAsync();
        db.Users.Add(new User { UserName = "admin", PasswordHash = "x", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();

        var granted = await BuiltInSecurity.EnsureAnAdministratorAsync(db, "admin", default);
        var again = await BuiltInSecurity.EnsureAnAdministratorAsync(db, "admin", default);

        Assert.Equal("admin", granted?.UserName);
        Assert.Null(again);
        Assert.Equal([Role.Admin], await RolesOfAsync("admin"));
    }

    [Fact]
    public async Task A_disabled_admin_is_enabled_again_when_no_enabled_user_could_manage_the_server()
    {
        await using var db = await SeededAsync();
        var role = await BuiltInSecurity.AdminRoleAsync(db, default);
        db.Users.Add(new User { UserName = "admin", PasswordHash = "x", Disabled = true, CreatedAt = DateTimeOffset.UtcNow, Roles = [new UserRole { RoleId = role.Id }] });
        await db.SaveChangesAsync();

        Assert.NotNull(await BuiltInSecurity.EnsureAnAdministratorAsync(db, "admin", default));

        await using var check = databases.Open();
        Assert.False((await check.Users.SingleAsync(u => u.UserName == "admin")).Disabled);
        Assert.Equal([Role.Admin], await RolesOfAsync("admin"));
    }

    [Fact]
    public async Task Nothing_changes_while_another_enabled_user_is_an_administrator()
    {
        await using var db = await SeededAsync();
        var role = await BuiltInSecurity.AdminRoleAsync(db, default);
        db.Users.Add(new User { UserName = "alice", PasswordHash = "x", CreatedAt = DateTimeOffset.UtcNow, Roles = [new UserRole { RoleId = role.Id }] });
        db.Users.Add(new User { UserName = "admin", PasswordHash = "x", Disabled = true, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();

        Assert.Null(await BuiltInSecurity.EnsureAnAdministratorAsync(db, "admin", default));

        await using var check = databases.Open();
        Assert.True((await check.Users.SingleAsync(u => u.UserName == "admin")).Disabled);
        Assert.Empty(await RolesOfAsync("admin"));
    }

    [Fact]
    public async Task Without_a_user_named_admin_the_guard_does_nothing()
    {
        await using var db = await SeededAsync();

        Assert.Null(await BuiltInSecurity.EnsureAnAdministratorAsync(db, "admin", default));
        Assert.Empty(await db.Users.ToListAsync());
    }

    private async Task<ArtifactHubDbContext> SeededAsync()
    {
        var db = await databases.MigratedAsync();
        await BuiltInSecurity.EnsureAsync(db, default);
        return db;
    }

    private async Task<List<string>> RolesOfAsync(string userName)
    {
        await using var db = databases.Open();
        return await db.Users.Where(u => u.UserName == userName).SelectMany(u => u.Roles).Select(ur => ur.Role!.Name).ToListAsync();
    }

    public void Dispose() => databases.Dispose();
}

public sealed class BuiltInSecurityOnSqliteTests() : BuiltInSecurityTests(new TempDatabase());

public sealed class BuiltInSecurityOnPostgreSqlTests() : BuiltInSecurityTests(new PostgreSqlDatabases());
