using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data.Tests;

/// <summary>
/// The migrations are written by hand, so nothing else notices when they and the EF model drift apart:
/// a database made by the migrations must have exactly the schema EF would create from the model, on every provider.
/// </summary>
public abstract class ModelAndMigrationsAgreeTests(TestDatabases databases) : IDisposable
{
    protected TestDatabases Databases => databases;

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

        var expected = await databases.SchemaAsync("created.db");
        var actual = await databases.SchemaAsync("migrated.db");
        Assert.Equal(expected, actual);
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

public sealed class SqliteModelAndMigrationsAgreeTests() : ModelAndMigrationsAgreeTests(new TempDatabase())
{
    [Fact]
    public async Task The_schema_comparison_sees_collations_and_defaults()
    {
        await using var db = Databases.Open("created.db");
        await db.Database.EnsureCreatedAsync();

        var schema = await Databases.SchemaAsync("created.db");

        Assert.Contains("collate users.UserName NOCASE", schema);
        Assert.Contains("index users IX_users_UserName unique=1 (UserName NOCASE)", schema);
        Assert.Contains(schema, line => line.StartsWith("column repositories.AnonymousRead INTEGER notnull=1 default=1", StringComparison.Ordinal));
    }
}

public sealed class PostgreSqlModelAndMigrationsAgreeTests() : ModelAndMigrationsAgreeTests(new PostgreSqlDatabases())
{
    [Fact]
    public async Task The_schema_comparison_sees_collations_types_defaults_and_keys()
    {
        await using var db = await Databases.MigratedAsync("migrated.db");

        var schema = await Databases.SchemaAsync("migrated.db");

        Assert.Contains("collation NOCASE provider=i deterministic=False", schema);
        Assert.Contains("column users.UserName character varying(128) notnull=True default= identity= collate=NOCASE", schema);
        Assert.Contains("column users.Id integer notnull=True default= identity=d collate=", schema);
        Assert.Contains("column repositories.AnonymousRead boolean notnull=True default=true identity= collate=", schema);
        Assert.Contains("column audit_entries.Time bigint notnull=True default= identity= collate=", schema);
        Assert.Contains("constraint assets FK_assets_components_ComponentId FOREIGN KEY (\"ComponentId\") REFERENCES components(\"Id\") ON DELETE CASCADE", schema);
        Assert.Contains("index users CREATE UNIQUE INDEX \"IX_users_UserName\" ON public.users USING btree (\"UserName\") collations=NOCASE", schema);
    }
}
