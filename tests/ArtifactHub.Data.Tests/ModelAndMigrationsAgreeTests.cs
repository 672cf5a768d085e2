using ArtifactHub.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data.Tests;

/// <summary>
/// The migrations are written by hand, so nothing else notices when they and the EF model drift apart:
/// a database made by the migrations must have exactly the schema EF would create from the model.
/// </summary>
public sealed class ModelAndMigrationsAgreeTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("ah-data-").FullName;

    [Fact]
    public async Task Migrated_database_has_the_schema_of_the_model()
    {
        var migrated = Path.Combine(dir, "migrated.db");
        var created = Path.Combine(dir, "created.db");
        await using (var db = Open(migrated))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = Open(created))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await SchemaAsync(created);
        var actual = await SchemaAsync(migrated);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Every_migration_is_applied_and_none_is_pending()
    {
        await using var db = Open(Path.Combine(dir, "pending.db"));
        await db.Database.MigrateAsync();
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static ArtifactHubDbContext Open(string file) =>
        new(new DbContextOptionsBuilder<ArtifactHubDbContext>()
            .UseSqlite($"Data Source={file};Pooling=False", o => o.MigrationsAssembly(DataServiceCollectionExtensions.SqliteMigrationsAssembly))
            .Options);

    /// <summary>Tables, columns (type, nullability, key), foreign keys and indexes, one sorted line each.</summary>
    private static async Task<List<string>> SchemaAsync(string file)
    {
        var lines = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'", r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} default={(r.IsDBNull(4) ? "" : r.GetString(4))} pk={r.GetInt64(5)}"));
            lines.AddRange(await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
            foreach (var index in await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")", r => (Name: r.GetString(1), Unique: r.GetInt64(2), Origin: r.GetString(3))))
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info(\"{index.Name}\")", r => r.GetString(2));
                lines.Add($"index {table} {(index.Origin == "pk" ? "(primary key)" : index.Name)} unique={index.Unique} ({string.Join(",", columns)})");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
