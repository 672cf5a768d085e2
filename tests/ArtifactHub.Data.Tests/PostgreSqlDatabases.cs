using System.Collections.Concurrent;
using ArtifactHub.Migrations.PostgreSql;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Data.Tests;

/// <summary>Databases of their own on the test run's PostgreSQL server, created on first use and dropped at the end.</summary>
public sealed class PostgreSqlDatabases : TestDatabases
{
    private readonly ConcurrentDictionary<string, string> connectionStrings = new();

    public override DatabaseProvider Provider => PostgreSqlDatabase.Provider;

    public override string ConnectionString(string name = DefaultName) =>
        connectionStrings.GetOrAdd(name, n => PostgresServer.Shared.CreateDatabase(n));

    public override Task<List<string>> SchemaAsync(string name) => PostgreSqlSchema.ReadAsync(ConnectionString(name));

    public override void Dispose()
    {
        foreach (var connectionString in connectionStrings.Values)
        {
            PostgresServer.Shared.DropDatabase(connectionString);
        }
    }
}
