using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Group;
using ArtifactHub.Core.Proxy;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Core;

public static class RepositoryEngineServiceCollectionExtensions
{
    /// <summary>
    /// What every format builds on: handler dispatch, the registered formats, the proxy engine (with the upstream client
    /// and its retry/breaker tunables, "ArtifactHub:Upstream") and the group engine. Needs from the host an
    /// <see cref="IContentStore"/>, an <see cref="Repositories.IRepositoryDirectory"/>, an <see cref="IClusterLock"/>, a blob
    /// store and an <see cref="Security.ISecretProtector"/>.
    /// </summary>
    public static IServiceCollection AddRepositoryEngines(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<RepositoryHandlers>();
        services.AddScoped<RepositoryFormats>();

        services.AddOptions<UpstreamOptions>()
            .BindConfiguration(UpstreamOptions.Section)
            .Validate(o => o.IsValid(), UpstreamOptions.Rules)
            .ValidateOnStart();
        services.AddSingleton<UpstreamResilience>();
        services.AddSingleton<UpstreamClient>();
        services.AddSingleton<NegativeCache>();
        services.AddSingleton<SingleFlight<ProxyFetchOutcome>>();
        services.AddScoped<ProxyEngine>();
        services.AddScoped<ProxyFetcher>();

        services.AddScoped<GroupWalker>();
        services.AddScoped<GroupEngine>();
        return services;
    }
}
