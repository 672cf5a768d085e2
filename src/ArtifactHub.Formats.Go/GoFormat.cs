using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Formats.Go.Group;
using ArtifactHub.Formats.Go.Hosted;
using ArtifactHub.Formats.Go.Proxy;
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
        services.AddSingleton<SingleFlight<ProxyFetchOutcome>>();
        services.AddSingleton(new GoUpstreamClient(new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // each request has the repository's own timeouts
            DefaultRequestHeaders = { { "User-Agent", "ArtifactHub" } },
        }));
        return services;
    }
}
