namespace ArtifactHub.Server.Downloads;

public static class DownloadServiceCollectionExtensions
{
    private const double MaxIntervalSeconds = 4_294_967; // PeriodicTimer's limit (about 49 days)

    /// <summary>Download counts: counted in memory as zips are served, written to the database on an interval.</summary>
    public static IServiceCollection AddDownloadCounting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DownloadOptions>()
            .Bind(configuration.GetSection(DownloadOptions.Section))
            .Validate(o => o.FlushIntervalSeconds is >= 0.01 and <= MaxIntervalSeconds, $"ArtifactHub:Downloads:FlushIntervalSeconds must be 0.01 to {MaxIntervalSeconds}")
            .ValidateOnStart();
        services.AddSingleton<DownloadCounter>();
        services.AddHostedService<DownloadCountFlusher>();
        return services;
    }
}
