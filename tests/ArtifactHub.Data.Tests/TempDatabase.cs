using ArtifactHub.Migrations.Sqlite;
using Microsoft.Data.Sqlite;

namespace ArtifactHub.Data.Tests;

/// <summary>SQLite files in a temp folder of their own, opened without pooling so the folder can be deleted.</summary>
public sealed class TempDatabase : TestDatabases
{
    private readonly string dir = Directory.CreateTempSubdirectory("ah-data-").FullName;

    public override DatabaseProvider Provider => SqliteDatabase.Provider;

    public string PathOf(string name) => Path.Combine(dir, name);

    public override string ConnectionString(string name = DefaultName) => $"Data Source={PathOf(name)};Pooling=False";

    public override Task<List<string>> SchemaAsync(string name) => SqliteSchema.ReadAsync(PathOf(name));

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}
