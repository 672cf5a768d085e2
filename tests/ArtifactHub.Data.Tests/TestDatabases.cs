using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data.Tests;

/// <summary>The databases one test class uses, on one provider, each known by a name; the same tests run on every provider.</summary>
public abstract class TestDatabases : IDisposable
{
    public const string DefaultName = "test.db";

    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString(string name = DefaultName);

    /// <summary>The schema of a database as sorted lines, to compare two of them.</summary>
    public abstract Task<List<string>> SchemaAsync(string name);

    public ArtifactHubDbContext Open(string name = DefaultName)
    {
        var options = new DbContextOptionsBuilder<ArtifactHubDbContext>();
        Provider.Configure(options, new DatabaseOptions { Provider = Provider.Name, ConnectionString = ConnectionString(name) }, "");
        return new ArtifactHubDbContext(options.Options);
    }

    /// <summary>A database with every migration applied.</summary>
    public async Task<ArtifactHubDbContext> MigratedAsync(string name = DefaultName)
    {
        var db = Open(name);
        await db.Database.MigrateAsync();
        return db;
    }

    public abstract void Dispose();
}
