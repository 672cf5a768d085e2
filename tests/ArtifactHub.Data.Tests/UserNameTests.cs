using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data.Tests;

/// <summary>User and role names ignore case in the database itself (the NOCASE collation each provider brings).</summary>
public abstract class UserNameTests(TestDatabases databases) : IDisposable
{
    [Fact]
    public async Task User_and_role_names_are_unique_ignoring_case()
    {
        await using (var db = await databases.MigratedAsync())
        {
            db.Users.Add(User("Alice"));
            db.Roles.Add(new Role { Name = "Readers" });
            await db.SaveChangesAsync();
        }

        await using (var db = databases.Open())
        {
            db.Users.Add(User("aLICE"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = databases.Open())
        {
            db.Roles.Add(new Role { Name = "READERS" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task A_user_is_found_by_name_in_any_case_and_names_sort_ignoring_case()
    {
        await using var db = await databases.MigratedAsync();
        db.Users.AddRange(User("bob"), User("Alice"), User("carol"));
        await db.SaveChangesAsync();

        Assert.Equal("Alice", (await db.Users.SingleAsync(u => u.UserName == "ALICE")).UserName);
        Assert.Equal(["Alice", "bob", "carol"], await db.Users.OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync());
    }

    [Fact]
    public async Task A_search_finds_part_of_a_name_display_name_or_email_ignoring_case_and_wildcards_are_plain_text()
    {
        await using var db = await databases.MigratedAsync();
        db.Users.AddRange(
            User("Build-Bot"),
            User("alice", displayName: "Alice Liddell"),
            User("carol", email: "Carol@Example.org"),
            User("dave_x"),
            User("davex"));
        await db.SaveChangesAsync();

        async Task<List<string>> Search(string text) => await db.Users.Matching(text).OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync();

        Assert.Equal(["Build-Bot"], await Search("d-b"));
        Assert.Equal(["alice"], await Search(" LIDDELL "));
        Assert.Equal(["carol"], await Search("example.ORG"));
        Assert.Equal(["dave_x"], await Search("e_"));
        Assert.Empty(await Search("%"));
    }

    private static User User(string name, string? displayName = null, string? email = null) =>
        new() { UserName = name, DisplayName = displayName, Email = email, CreatedAt = DateTimeOffset.UtcNow };

    public void Dispose() => databases.Dispose();
}

public sealed class UserNameOnSqliteTests() : UserNameTests(new TempDatabase());

public sealed class UserNameOnPostgreSqlTests() : UserNameTests(new PostgreSqlDatabases());
