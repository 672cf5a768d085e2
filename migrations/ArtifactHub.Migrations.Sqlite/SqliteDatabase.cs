using ArtifactHub.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Migrations.Sqlite;

/// <summary>SQLite, the default: one file in the data folder unless a connection string says otherwise.</summary>
public static class SqliteDatabase
{
    public const string Name = "Sqlite";

    public static readonly DatabaseProvider Provider = new(Name, RequiresConnectionString: false,
        (options, database, dataDir) => Use(options, ConnectionString(database, dataDir)));

    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));

    public static string ConnectionString(DatabaseOptions database, string dataDir)
    {
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return database.ConnectionString;
        }

        Directory.CreateDirectory(dataDir);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "artifacthub.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}
