using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Formats.Go.Group;
using ArtifactHub.Formats.Go.Hosted;
using ArtifactHub.Formats.Go.Proxy;
using ArtifactHub.Formats.Go.SumDb;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Formats.Go;

public static class GoFormat
{
    public const string Name = "go";

    /// <summary>Registers the Go handlers: hosted, proxy and group.</summary>
    public static IServiceCollection AddGoFormat(this IServiceCollection services)
    {
        services.AddSingleton<ImmutableAssetCache>();
        services.AddScoped<IRepositoryHandler, GoHostedHandler>();
        services.AddScoped<IRepositoryHandler, GoProxyHandler>();
        services.AddScoped<IRepositoryHandler, GoGroupHandler>();
        services.AddScoped<GoProxyFetcher>();
        services.AddScoped<ProxyCacheServer>();
        services.AddScoped<GoProxySumDb>();
        services.AddSingleton<SingleFlight<ProxyFetchOutcome>>();
        services.AddGoUpstreamClient();
        return services;
    }
}
