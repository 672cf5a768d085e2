using ArtifactHub.Core.Formats;
using ArtifactHub.Formats.Go.Hosted;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Formats.Go;

public static class GoFormat
{
    public const string Name = "go";

    /// <summary>Registers the Go handlers (hosted now; proxy and group slot in beside it).</summary>
    public static IServiceCollection AddGoFormat(this IServiceCollection services)
    {
        services.AddScoped<IRepositoryHandler, GoHostedHandler>();
        return services;
    }
}
