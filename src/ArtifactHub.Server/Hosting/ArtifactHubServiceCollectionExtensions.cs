using System.Text.Json;
using System.Text.Json.Serialization;
using ArtifactHub.Core;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Data;
using ArtifactHub.Formats.Go;
using ArtifactHub.Formats.Raw;
using ArtifactHub.Migrations.PostgreSql;
using ArtifactHub.Migrations.Sqlite;
using ArtifactHub.Server.Auth;
using ArtifactHub.Server.Bundles;
using ArtifactHub.Server.Downloads;
using ArtifactHub.Server.Endpoints;
using ArtifactHub.Server.Maintenance;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Hosting;

public static class ArtifactHubServiceCollectionExtensions
{
    /// <summary>Everything the server needs, chosen once from configuration.</summary>
    public static IServiceCollection AddArtifactHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ArtifactHubOptions>()
            .Bind(configuration.GetSection(ArtifactHubOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDir), "ArtifactHub:DataDir must name a folder")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        services.AddArtifactHubData(configuration, SqliteDatabase.Provider, PostgreSqlDatabase.Provider);
        services.AddBlobStore(configuration);
        services.AddBlobGarbageCollection(configuration);
        services.AddDownloadCounting(configuration);

        services.AddMemoryCache(); // for every cache: repositories, assets, sign-in, the anonymous grant, negative answers
        services.AddSecretProtection();
        services.AddRepositoryEngines();
        services.AddScoped<RepositoryRules>();
        services.AddGoFormat();
        services.AddRawFormat();
        services.AddBundles();

        services.AddArtifactHubAuth(configuration);
        services.AddTrustedForwardedHeaders(configuration);
        services.AddValidatorsFromAssemblyContaining<RepositoryRequestValidator>(ServiceLifetime.Singleton);

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.Converters.Add(new NulCharacters.RefusingStringConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<BlobStoreHealthCheck>("blob-store", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    private static void AddValidatorsFromAssemblyContaining<T>(this IServiceCollection services, ServiceLifetime lifetime)
    {
        // FluentValidation's DI package does not restore here; register our validators by hand.
        foreach (var type in typeof(T).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            var validatorInterface = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>));
            if (validatorInterface is not null)
            {
                services.Add(new ServiceDescriptor(validatorInterface, type, lifetime));
            }
        }
    }
}
