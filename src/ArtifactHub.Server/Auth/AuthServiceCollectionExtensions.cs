using ArtifactHub.Core.Security;
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
        services.AddMemoryCache();
        services.AddAuthentication(BasicAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ManageRepositories, p => p.RequireAuthenticatedUser().RequireRole(Policies.AdminRole))
            .AddPolicy(Policies.WriteContent, p => p.RequireAuthenticatedUser().RequireRole(Policies.AdminRole));
        return services;
    }
}
