using ArtifactHub.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Formats.Go.Proxy;

public static class UpstreamServiceCollectionExtensions
{
    /// <summary>
    /// The upstream client with its retry/breaker tunables ("ArtifactHub:Upstream"). Needs an
    /// <see cref="ISecretProtector"/> from the host (the server's is ASP.NET Core Data Protection).
    /// </summary>
    public static IServiceCollection AddGoUpstreamClient(this IServiceCollection services)
    {
        services.AddOptions<UpstreamOptions>()
            .BindConfiguration(UpstreamOptions.Section)
            .Validate(o => o.IsValid(), UpstreamOptions.Rules)
            .ValidateOnStart();
        services.AddSingleton<UpstreamResilience>();
        services.AddSingleton(sp => new GoUpstreamClient(
            UpstreamHttp.Create(), sp.GetRequiredService<UpstreamResilience>(), sp.GetRequiredService<ISecretProtector>()));
        return services;
    }
}
