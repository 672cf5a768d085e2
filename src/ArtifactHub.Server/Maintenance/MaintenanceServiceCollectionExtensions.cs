namespace ArtifactHub.Server.Maintenance;

public static class MaintenanceServiceCollectionExtensions
{
    private const int MaxIntervalSeconds = 4_294_967;

    /// <summary>Blob garbage collection: on a schedule, and on request at <c>POST /api/v1/maintenance/blob-gc</c>.</summary>
    public static IServiceCollection AddBlobGarbageCollection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GarbageCollectionOptions>()
            .Bind(configuration.GetSection(GarbageCollectionOptions.Section))
            // The upper bound is PeriodicTimer's (about 49 days): above it the scheduled service would throw after start-up.
            .Validate(o => o.IntervalSeconds is >= 0 and <= MaxIntervalSeconds, $"ArtifactHub:GarbageCollection:IntervalSeconds must be 0 (no schedule) to {MaxIntervalSeconds}")
            .Validate(o => o.GracePeriodSeconds >= 0, "ArtifactHub:GarbageCollection:GracePeriodSeconds must be 0 or more")
            .ValidateOnStart();
        services.AddScoped<BlobGarbageCollector>();
        services.AddHostedService<BlobGarbageCollectionService>();
        return services;
    }
}
