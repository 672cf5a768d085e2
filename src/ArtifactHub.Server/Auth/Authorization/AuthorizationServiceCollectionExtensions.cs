using ArtifactHub.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace ArtifactHub.Server.Auth.Authorization;

public static class AuthorizationServiceCollectionExtensions
{
    /// <summary>
    /// The policies in <see cref="Policies"/>. The fallback policy asks for a signed-in caller, so an endpoint that
    /// forgets to name a policy is closed, not open (a URL that matches no endpoint stays a plain 404).
    /// </summary>
    public static IServiceCollection AddArtifactHubAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<AnonymousAccess>();
        services.AddSingleton<IAuthorizationHandler, GlobalPrivilegeHandler>();
        services.AddSingleton<IAuthorizationHandler, NotScopedTokenHandler>();
        services.AddScoped<IAuthorizationHandler, AnyCallerHandler>();
        services.AddScoped<IAuthorizationHandler, RepositoryAccessHandler>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(SignedInOrNoEndpoint).Build())
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.ManageRepositories, Global(Privilege.ManageRepositories))
            .AddPolicy(Policies.ManageSecurity, Global(Privilege.ManageSecurity))
            .AddPolicy(Policies.ReadAudit, Global(Privilege.ReadAudit))
            .AddPolicy(Policies.ReadRepository, p => p.AddRequirements(RepositoryAccessRequirement.Read))
            .AddPolicy(Policies.WriteRepository, p => p.AddRequirements(RepositoryAccessRequirement.Write))
            .AddPolicy(Policies.DeleteRepository, p => p.AddRequirements(RepositoryAccessRequirement.Delete))
            .AddPolicy(Policies.AnyCaller, p => p.AddRequirements(new AnyCallerRequirement()))
            .AddPolicy(Policies.ManageOwnTokens, p => p.AddRequirements(new NotScopedTokenRequirement()));
        return services;
    }

    /// <summary>A request that matched no endpoint has nothing to protect: it goes on to its 404.</summary>
    private static bool SignedInOrNoEndpoint(AuthorizationHandlerContext context) =>
        Caller.IsAuthenticated(context.User) || (context.Resource is HttpContext http && http.GetEndpoint() is null);

    private static Action<AuthorizationPolicyBuilder> Global(string privilege) => p => p.AddRequirements(new GlobalPrivilegeRequirement(privilege));
}
