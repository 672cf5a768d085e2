using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data.Tests;

/// <summary>
/// The migrations are written by hand, so nothing else notices when they and the EF model drift apart:
/// a database made by the migrations must have exactly the schema EF would create from the model.
/// </summary>
public sealed class ModelAndMigrationsAgreeTests : IDisposable
{
    private readonly TempDatabase databases = new();

    [Fact]
    public async Task Migrated_database_has_the_schema_of_the_model()
    {
        await using (var db = databases.Open("migrated.db"))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = databases.Open("created.db"))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await SqliteSchema.ReadAsync(databases.PathOf("created.db"));
        var actual = await SqliteSchema.ReadAsync(databases.PathOf("migrated.db"));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task The_schema_comparison_sees_collations_and_defaults()
    {
        await using var db = databases.Open("created.db");
        await db.Database.EnsureCreatedAsync();

        var schema = await SqliteSchema.ReadAsync(databases.PathOf("created.db"));

        Assert.Contains("collate users.UserName NOCASE", schema);
        Assert.Contains("index users IX_users_UserName unique=1 (UserName NOCASE)", schema);
        Assert.Contains(schema, line => line.StartsWith("column repositories.AnonymousRead INTEGER notnull=1 default=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_migration_is_applied_and_none_is_pending()
    {
        await using var db = await databases.MigratedAsync("pending.db");
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    public void Dispose() => databases.Dispose();
}
