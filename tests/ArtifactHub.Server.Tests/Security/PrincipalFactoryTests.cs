using System.Security.Claims;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Migrations.PostgreSql;
using ArtifactHub.Migrations.Sqlite;
using ArtifactHub.Server.Auth.Authentication;
using ArtifactHub.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>The caller's roles and privileges, read in one query, on every database the server runs on.</summary>
public abstract class PrincipalFactoryTests : IDisposable
{
    protected abstract DatabaseProvider Provider { get; }

    protected abstract string ConnectionString { get; }

    [Fact]
    public async Task A_caller_gets_each_role_and_each_privilege_of_its_roles_once_in_ordinal_order()
    {
        await using var db = await MigratedAsync();
        var writers = new Role { Name = "writers", Privileges = [new() { Value = "repository:b:write" }, new() { Value = "repository:a:read" }] };
        var readers = new Role { Name = "Readers", Privileges = [new() { Value = "repository:a:read" }, new() { Value = Privilege.ReadAudit }] };
        var unrelated = new Role { Name = "unrelated", Privileges = [new() { Value = Privilege.ManageSecurity }] };
        var empty = new Role { Name = "empty" };
        db.Roles.AddRange(writers, readers, unrelated, empty);
        await db.SaveChangesAsync();
        var alice = new User { UserName = "alice", CreatedAt = DateTimeOffset.UtcNow, Roles = [new() { RoleId = writers.Id }, new() { RoleId = readers.Id }, new() { RoleId = empty.Id }] };
        var bob = new User { UserName = "bob", CreatedAt = DateTimeOffset.UtcNow };
        db.Users.AddRange(alice, bob);
        await db.SaveChangesAsync();
        var principals = new PrincipalFactory(db);

        var caller = await principals.CreateAsync(alice, "test", token: null, CancellationToken.None);
        var nobody = await principals.CreateAsync(bob, "test", token: null, CancellationToken.None);

        Assert.Equal(["Readers", "empty", "writers"], caller.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal([Privilege.ReadAudit, "repository:a:read", "repository:b:write"], caller.FindAll(ArtifactHubClaims.Privilege).Select(c => c.Value));
        Assert.Equal(["Readers", "empty", "writers"], await principals.RoleNamesAsync(alice.Id, CancellationToken.None));
        Assert.Equal("bob", nobody.Identity!.Name);
        Assert.Empty(nobody.FindAll(ClaimTypes.Role));
        Assert.Empty(nobody.FindAll(ArtifactHubClaims.Privilege));
        Assert.Empty(await principals.RoleNamesAsync(bob.Id, CancellationToken.None));
    }

    private async Task<ArtifactHubDbContext> MigratedAsync()
    {
        var options = new DbContextOptionsBuilder<ArtifactHubDbContext>();
        Provider.Configure(options, new DatabaseOptions { Provider = Provider.Name, ConnectionString = ConnectionString }, "");
        var db = new ArtifactHubDbContext(options.Options);
        await db.Database.MigrateAsync();
        return db;
    }

    public abstract void Dispose();
}

public sealed class PrincipalFactoryOnSqliteTests : PrincipalFactoryTests
{
    private readonly string dir = Directory.CreateTempSubdirectory("ah-principal-").FullName;

    protected override DatabaseProvider Provider => SqliteDatabase.Provider;

    protected override string ConnectionString => $"Data Source={Path.Combine(dir, "test.db")};Pooling=False";

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}

public sealed class PrincipalFactoryOnPostgreSqlTests : PrincipalFactoryTests
{
    private readonly Lazy<string> connectionString = new(() => PostgresServer.Shared.CreateDatabase("principal"));

    protected override DatabaseProvider Provider => PostgreSqlDatabase.Provider;

    protected override string ConnectionString => connectionString.Value;

    public override void Dispose()
    {
        if (connectionString.IsValueCreated)
        {
            PostgresServer.Shared.DropDatabase(connectionString.Value);
        }
    }
}
