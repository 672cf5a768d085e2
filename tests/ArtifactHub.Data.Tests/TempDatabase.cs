using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data.Tests;

/// <summary>SQLite files in a temp folder of their own, opened without pooling so the folder can be deleted.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("ah-data-").FullName;

    public string PathOf(string name) => Path.Combine(dir, name);

    public string ConnectionString(string name = "test.db") => $"Data Source={PathOf(name)};Pooling=False";

    public ArtifactHubDbContext Open(string name = "test.db") =>
        new(new DbContextOptionsBuilder<ArtifactHubDbContext>()
            .UseSqlite(ConnectionString(name), o => o.MigrationsAssembly(DataServiceCollectionExtensions.SqliteMigrationsAssembly))
            .Options);

    /// <summary>A database with every migration applied.</summary>
    public async Task<ArtifactHubDbContext> MigratedAsync(string name = "test.db")
    {
        var db = Open(name);
        await db.Database.MigrateAsync();
        return db;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}
