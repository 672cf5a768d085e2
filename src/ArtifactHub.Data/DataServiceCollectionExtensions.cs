using ArtifactHub.Core;
using ArtifactHub.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Data;

public static class DataServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "ArtifactHub.Migrations.Sqlite";

    /// <summary>Registers the DbContext with the provider named in configuration (an unknown provider fails at start-up) and the audit log.</summary>
    public static IServiceCollection AddArtifactHubData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => string.Equals(o.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase),
                "ArtifactHub:Database:Provider must be 'Sqlite' (the only provider built in)")
            .ValidateOnStart();

        services.AddDbContext<ArtifactHubDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var dataDir = sp.GetRequiredService<IOptions<ArtifactHubOptions>>().Value.FullDataDir;
            options.UseSqlite(SqliteConnectionString(database, dataDir), sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
        });

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IAuditLog, AuditLog>();
        return services;
    }

    public static string SqliteConnectionString(DatabaseOptions database, string dataDir)
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
