using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ArtifactHub.Migrations.PostgreSql;

/// <summary>PostgreSQL (12 or later, built with ICU), for servers that share one database; needs a connection string.</summary>
public static class PostgreSqlDatabase
{
    public const string Name = "PostgreSql";

    public static readonly DatabaseProvider Provider = new(Name, RequiresConnectionString: true,
        (options, database, _) => Use(options, database.ConnectionString!),
        database => new PostgreSqlAdvisoryLock(database.ConnectionString!));

    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, PostgreSqlModelCustomizer>();
}
