using ArtifactHub.Core.Security;

namespace ArtifactHub.Data.Tests;

public abstract class SecurityQueriesTests(TestDatabases databases) : IDisposable
{

    [Fact]
    public async Task A_users_privileges_are_those_of_all_their_roles_each_once()
    {
        await using var db = await databases.MigratedAsync();
        var readers = new Role { Name = "readers", Privileges = [new() { Value = "repository:a:read" }, new() { Value = Privilege.ReadAudit }] };
        var writers = new Role { Name = "writers", Privileges = [new() { Value = "repository:a:read" }, new() { Value = "repository:b:write" }] };
        var unrelated = new Role { Name = "unrelated", Privileges = [new() { Value = Privilege.ManageSecurity }] };
        db.Roles.AddRange(readers, writers, unrelated);
        await db.SaveChangesAsync();
        var alice = new User { UserName = "alice", CreatedAt = DateTimeOffset.UtcNow, Roles = [new() { RoleId = readers.Id }, new() { RoleId = writers.Id }] };
        var bob = new User { UserName = "bob", CreatedAt = DateTimeOffset.UtcNow };
        db.Users.AddRange(alice, bob);
        await db.SaveChangesAsync();

        Assert.Equal([Privilege.ReadAudit, "repository:a:read", "repository:b:write"], await db.PrivilegesOfUserAsync(alice.Id, default));
        Assert.Empty(await db.PrivilegesOfUserAsync(bob.Id, default));
        Assert.Empty(await db.PrivilegesOfUserAsync(12345, default));
    }

    [Fact]
    public async Task A_roles_privileges_are_found_by_its_name_in_any_case()
    {
        await using var db = await databases.MigratedAsync();
        await BuiltInSecurity.EnsureAsync(db, default);

        Assert.Equal(["repository:*:read"], await db.PrivilegesOfRoleAsync("Anonymous", default));
        Assert.Empty(await db.PrivilegesOfRoleAsync("no-such-role", default));
    }

    public void Dispose() => databases.Dispose();
}

public sealed class SecurityQueriesOnSqliteTests() : SecurityQueriesTests(new TempDatabase());

public sealed class SecurityQueriesOnPostgreSqlTests() : SecurityQueriesTests(new PostgreSqlDatabases());
