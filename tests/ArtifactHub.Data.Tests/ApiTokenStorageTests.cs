using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data.Tests;

public abstract class ApiTokenStorageTests(TestDatabases databases) : IDisposable
{

    [Fact]
    public async Task Scope_and_instants_round_trip_and_a_changed_scope_item_is_saved()
    {
        var expires = new DateTimeOffset(2027, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        long scopedId;
        await using (var db = await databases.MigratedAsync())
        {
            var user = new User { UserName = "ci", CreatedAt = DateTimeOffset.UtcNow };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            var token = ApiTokenSecret.NewToken();
            var scoped = NewToken(user.Id, token, ["repository:b:read"]);
            scoped.ExpiresAt = expires;
            db.ApiTokens.AddRange(scoped, NewToken(user.Id, ApiTokenSecret.NewToken(), null));
            await db.SaveChangesAsync();
            scopedId = scoped.Id;
        }

        await using (var db = databases.Open())
        {
            var scoped = await db.ApiTokens.SingleAsync(t => t.Id == scopedId);
            Assert.Equal(["repository:b:read"], scoped.Scope);
            Assert.Equal(expires, scoped.ExpiresAt);
            Assert.Null(scoped.RevokedAt);
            Assert.Null((await db.ApiTokens.SingleAsync(t => t.Id != scopedId)).Scope);

            scoped.Scope![0] = "repository:c:read";
            await db.SaveChangesAsync();
        }

        await using (var db = databases.Open())
        {
            Assert.Equal(["repository:c:read"], (await db.ApiTokens.SingleAsync(t => t.Id == scopedId)).Scope);
        }

        await using (var db = databases.Open())
        {
            Assert.Equal(["[\"repository:c:read\"]", "(null)"],
                await db.Database.SqlQueryRaw<string>("""SELECT COALESCE("Scope", '(null)') AS "Value" FROM "api_tokens" ORDER BY "Id" """).ToListAsync());
        }
    }

    [Fact]
    public async Task Deleting_a_user_deletes_their_tokens_and_role_grants()
    {
        await using var db = await databases.MigratedAsync();
        await BuiltInSecurity.EnsureAsync(db, default);
        var role = await BuiltInSecurity.AdminRoleAsync(db, default);
        var user = new User { UserName = "gone", CreatedAt = DateTimeOffset.UtcNow, Roles = [new() { RoleId = role.Id }] };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        db.ApiTokens.Add(NewToken(user.Id, ApiTokenSecret.NewToken(), null));
        await db.SaveChangesAsync();

        await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync();

        Assert.Equal(0, await db.ApiTokens.CountAsync());
        Assert.Equal(0, await db.Set<UserRole>().CountAsync());
        Assert.True(await db.Roles.AnyAsync(r => r.Name == Role.Admin));
    }

    private static ApiToken NewToken(int userId, string token, List<string>? scope) => new()
    {
        UserId = userId,
        Name = "ci",
        Prefix = ApiTokenSecret.PrefixOf(token),
        Hash = ApiTokenSecret.Hash(token),
        Scope = scope,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    public void Dispose() => databases.Dispose();
}

public sealed class ApiTokenStorageOnSqliteTests() : ApiTokenStorageTests(new TempDatabase());

public sealed class ApiTokenStorageOnPostgreSqlTests() : ApiTokenStorageTests(new PostgreSqlDatabases());
