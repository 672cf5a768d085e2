using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Server.Bundles;

public static class BundleServiceCollectionExtensions
{
    public static IServiceCollection AddBundles(this IServiceCollection services)
    {
        services.AddOptions<BundleOptions>()
            .BindConfiguration(BundleOptions.Section)
            .Validate(o => NoteKeys.CheckName(o.KeyName) is null, "ArtifactHub:Bundles:KeyName must be a key name: not empty, without white space or '+'")
            .ValidateOnStart();
        services.AddScoped<ServerSigningKey>();
        return services;
    }
}
