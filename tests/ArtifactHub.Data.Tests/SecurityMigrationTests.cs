using ArtifactHub.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ArtifactHub.Data.Tests;

/// <summary>A database of the first version (Initial only) upgrades in place, and the upgrade can be undone.</summary>
public sealed class SecurityMigrationTests : IDisposable
{
    private const string Initial = "20261121000000_Initial";
    private const string OldAdminHash = "AQAAAAIAAYagAAAAE-an-old-pbkdf2-hash";

    private readonly TempDatabase databases = new();

    [Fact]
    public async Task Upgrading_a_first_version_database_keeps_its_admin_and_repositories_with_the_new_columns_defaults()
    {
        await using (var db = databases.Open())
        {
            await db.GetService<IMigrator>().MigrateAsync(Initial);
            await ExecuteAsync(db,
                $"INSERT INTO users (UserName, PasswordHash, CreatedAt) VALUES ('admin', '{OldAdminHash}', 638000000000000000)",
                "INSERT INTO repositories (Name, Format, Type, Online, Settings, CreatedAt, UpdatedAt) VALUES ('go-hosted', 'go', 'Hosted', 1, '{{}}', 1, 2)", // braces doubled: raw SQL is a format string
                "INSERT INTO components (RepositoryId, Name, Version, CreatedAt) VALUES (1, 'example.com/a', 'v1.0.0', 3)");

            await db.Database.MigrateAsync();
        }

        await using (var db = databases.Open())
        {
            var admin = await db.Users.Include(u => u.Roles).SingleAsync();
            Assert.Equal(("admin", OldAdminHash, false, null, null), (admin.UserName, admin.PasswordHash, admin.Disabled, admin.DisplayName, admin.Email));
            Assert.Equal(new DateTimeOffset(638000000000000000, TimeSpan.Zero), admin.CreatedAt);
            Assert.Empty(admin.Roles);

            var repository = await db.Repositories.SingleAsync();
            Assert.Equal(("go-hosted", true, true), (repository.Name, repository.Online, repository.AnonymousRead));
            Assert.Equal(1, await db.Components.CountAsync(c => c.RepositoryId == repository.Id));
            Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check").ToListAsync());
        }

        // The rebuilt users table takes new rows, and its names now ignore case.
        await using (var db = databases.Open())
        {
            db.Users.Add(new User { UserName = "alice", PasswordHash = null, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            Assert.Equal("admin", (await db.Users.SingleAsync(u => u.UserName == "ADMIN")).UserName);

            db.Users.Add(new User { UserName = "Alice", CreatedAt = DateTimeOffset.UtcNow });
            var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Contains("UNIQUE", duplicate.InnerException?.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Migrating_down_to_the_first_version_restores_its_schema_and_keeps_users_and_repositories()
    {
        await using (var db = databases.Open("initial.db"))
        {
            await db.GetService<IMigrator>().MigrateAsync(Initial);
        }

        await using (var db = await databases.MigratedAsync("down.db"))
        {
            await BuiltInSecurity.EnsureAsync(db, default);
            var role = await BuiltInSecurity.AdminRoleAsync(db, default);
            db.Users.Add(new User { UserName = "admin", PasswordHash = OldAdminHash, CreatedAt = DateTimeOffset.UtcNow, Roles = [new UserRole { RoleId = role.Id }] });
            db.Users.Add(new User { UserName = "ci-bot", PasswordHash = null, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();

            await db.GetService<IMigrator>().MigrateAsync(Initial);
        }

        Assert.Equal(await databases.SchemaAsync("initial.db"), await databases.SchemaAsync("down.db"));
        await using (var connection = new SqliteConnection(databases.ConnectionString("down.db")))
        {
            await connection.OpenAsync();
            var users = await DbQuery.QueryAsync(connection, "SELECT UserName, PasswordHash FROM users ORDER BY UserName", r => (r.GetString(0), r.GetString(1)));
            Assert.Equal([("admin", OldAdminHash), ("ci-bot", "")], users);
        }

        // And up again.
        await using (var db = databases.Open("down.db"))
        {
            await db.Database.MigrateAsync();
            Assert.Equal(2, await db.Users.CountAsync());
        }
    }

    private static async Task ExecuteAsync(ArtifactHubDbContext db, params string[] statements)
    {
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    public void Dispose() => databases.Dispose();
}
