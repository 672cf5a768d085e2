namespace ArtifactHub.Server.Maintenance;

public static class MaintenanceServiceCollectionExtensions
{
    /// <summary>Blob garbage collection: on a schedule, and on request at <c>POST /api/v1/maintenance/blob-gc</c>.</summary>
    public static IServiceCollection AddBlobGarbageCollection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GarbageCollectionOptions>()
            .Bind(configuration.GetSection(GarbageCollectionOptions.Section))
            .Validate(o => o.IntervalSeconds >= 0, "ArtifactHub:GarbageCollection:IntervalSeconds must be 0 (no schedule) or more")
            .Validate(o => o.GracePeriodSeconds >= 0, "ArtifactHub:GarbageCollection:GracePeriodSeconds must be 0 or more")
            .ValidateOnStart();
        services.AddScoped<BlobGarbageCollector>();
        services.AddHostedService<BlobGarbageCollectionService>();
        return services;
    }
}
