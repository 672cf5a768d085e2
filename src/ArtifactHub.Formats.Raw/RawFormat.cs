using ArtifactHub.Core.Formats;
using ArtifactHub.Formats.Raw.Browse;
using ArtifactHub.Formats.Raw.Group;
using ArtifactHub.Formats.Raw.Hosted;
using ArtifactHub.Formats.Raw.Proxy;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Formats.Raw;

public static class RawFormat
{
    public const string Name = "raw";

    /// <summary>Registers the raw format: hosted, proxy and group handlers, its settings rules, upload and browsing ("ArtifactHub:Raw").</summary>
    public static IServiceCollection AddRawFormat(this IServiceCollection services)
    {
        services.AddOptions<RawOptions>()
            .BindConfiguration(RawOptions.Section)
            .Validate(o => o.MaxFileBytes > 0, "ArtifactHub:Raw:MaxFileBytes must be a positive number of bytes")
            .ValidateOnStart();
        services.AddScoped<IRepositoryHandler, RawHostedHandler>();
        services.AddScoped<IRepositoryHandler, RawProxyHandler>();
        services.AddScoped<IRepositoryHandler, RawGroupHandler>();
        services.AddScoped<IRepositoryFormat, RawRepositoryFormat>();
        services.AddScoped<IFormatBrowser, RawBrowser>();
        services.AddScoped<RawPublisher>();
        services.AddSingleton<SidecarCheck>();
        return services;
    }
}
