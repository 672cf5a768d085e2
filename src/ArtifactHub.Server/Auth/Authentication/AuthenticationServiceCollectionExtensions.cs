using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace ArtifactHub.Server.Auth.Authentication;

public static class AuthenticationServiceCollectionExtensions
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// The default scheme <see cref="ArtifactHubSchemes.Default"/> looks at the request: <c>Authorization: Basic</c> goes to
    /// HTTP Basic, <c>Bearer</c> to API tokens, no Authorization header to the session cookie; any other Authorization
    /// header to Basic, which refuses it. Every challenge is Basic's (see <see cref="AuthenticationChallenge"/>), so that a
    /// go command or curl without credentials learns the realm.
    /// </summary>
    public static IServiceCollection AddArtifactHubAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<TokenUsageThrottle>();
        services.AddSingleton<FailedPasswordLimiter>();
        services.AddScoped<PrincipalFactory>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<TokenSignIn>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<CredentialAuthenticator>();
        services.AddScoped<SessionCookieEvents>();

        services.AddAuthentication(ArtifactHubSchemes.Default)
            .AddPolicyScheme(ArtifactHubSchemes.Default, "HTTP Basic, API token or session", o =>
            {
                o.ForwardDefaultSelector = SchemeFor;
                o.ForwardChallenge = ArtifactHubSchemes.Basic;
                o.ForwardForbid = ArtifactHubSchemes.Basic;
            })
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(ArtifactHubSchemes.Basic, null)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ArtifactHubSchemes.ApiToken, null)
            .AddCookie(ArtifactHubSchemes.Session, o =>
            {
                o.Cookie.Name = "ArtifactHub.Session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = SessionLifetime;
                o.SlidingExpiration = true;
                o.EventsType = typeof(SessionCookieEvents);
            });

        services.AddAntiforgery(o =>
        {
            o.HeaderName = SessionAntiforgeryMiddleware.HeaderName;
            o.Cookie.Name = "ArtifactHub.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(o => o.AddPolicy<string, SignInRateLimitPolicy>(SignInRateLimitPolicy.Name));
        return services;
    }

    private static string SchemeFor(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization.Length == 0 ? ArtifactHubSchemes.Session
            : authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? ArtifactHubSchemes.ApiToken
            : ArtifactHubSchemes.Basic;
    }
}
