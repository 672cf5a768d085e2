using ArtifactHub.Core.Security;
using ArtifactHub.Server.Auth.Authentication;
using ArtifactHub.Server.Auth.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace ArtifactHub.Server.Auth;

public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddArtifactHubAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section));
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<AdminAccount>();
        services.AddArtifactHubAuthentication();
        services.AddArtifactHubAuthorization();
        return services;
    }
}
