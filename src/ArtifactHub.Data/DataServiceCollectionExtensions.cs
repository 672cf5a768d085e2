using ArtifactHub.Core;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the DbContext with the one of <paramref name="providers"/> named in configuration (names ignore case;
    /// an unknown one, or a missing connection string where one is required, fails at start-up), its cluster lock, the
    /// content store, the repository directory and the audit log.
    /// </summary>
    public static IServiceCollection AddArtifactHubData(this IServiceCollection services, IConfiguration configuration, params DatabaseProvider[] providers)
    {
        var names = string.Join(", ", providers.Select(p => $"'{p.Name}'"));
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => Find(providers, o.Provider) is not null, $"ArtifactHub:Database:Provider must be one of {names}")
            .Validate(o => Find(providers, o.Provider) is not { RequiresConnectionString: true } || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "ArtifactHub:Database:ConnectionString is required for this ArtifactHub:Database:Provider")
            .ValidateOnStart();

        services.AddDbContext<ArtifactHubDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var dataDir = sp.GetRequiredService<IOptions<ArtifactHubOptions>>().Value.FullDataDir;
            var provider = Find(providers, database.Provider)
                ?? throw new InvalidOperationException($"ArtifactHub:Database:Provider '{database.Provider}' is unknown: use one of {names}");
            provider.Configure(options, database, dataDir);
        });

        services.AddSingleton<IClusterLock>(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return Find(providers, database.Provider)?.ClusterLock?.Invoke(database) ?? new InProcessClusterLock();
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton<AssetMemory>();
        services.AddScoped<IContentStore, ContentStore>();
        services.AddScoped<IContentQueries, ContentQueries>();
        services.AddScoped<IRepositoryDirectory, RepositoryDirectory>();
        services.AddSingleton<IAuditLog, AuditLog>();
        return services;
    }

    private static DatabaseProvider? Find(IEnumerable<DatabaseProvider> providers, string? name) =>
        providers.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
