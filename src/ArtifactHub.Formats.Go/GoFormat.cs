using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Formats.Go.Browse;
using ArtifactHub.Formats.Go.Group;
using ArtifactHub.Formats.Go.Hosted;
using ArtifactHub.Formats.Go.Proxy;
using ArtifactHub.Formats.Go.SumDb;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Formats.Go;

public static class GoFormat
{
    public const string Name = "go";

    /// <summary>Registers the Go format: its hosted, proxy and group handlers, its settings rules and upload, its browsing.</summary>
    public static IServiceCollection AddGoFormat(this IServiceCollection services)
    {
        services.AddScoped<IRepositoryHandler, GoHostedHandler>();
        services.AddScoped<IRepositoryHandler, GoProxyHandler>();
        services.AddScoped<IRepositoryHandler, GoGroupHandler>();
        services.AddScoped<IRepositoryFormat, GoRepositoryFormat>();
        services.AddScoped<IFormatBrowser, GoBrowser>();
        services.AddScoped<GoVersionBrowser>();
        services.AddScoped<GoModulePublisher>();
        services.AddScoped<GoProxySumDb>();
        return services;
    }

    /// <summary>
    /// The checksum databases a proxy answers for: as set, or sum.golang.org when never set; sum.golang.org's key is
    /// filled in where it was saved without one.
    /// </summary>
    public static IReadOnlyList<ChecksumDatabase> ChecksumDatabasesOf(ProxySettings settings) =>
        settings.ChecksumDatabases is not { } databases ? [ChecksumDatabase.GoDefault]
        : databases.Any(d => d is { Key: null } && d.Name == ChecksumDatabase.GoDefault.Name)
            ? [.. databases.Select(d => d is { Key: null } && d.Name == ChecksumDatabase.GoDefault.Name ? d with { Key = ChecksumDatabase.GoDefaultKey } : d)]
            : databases;
}
