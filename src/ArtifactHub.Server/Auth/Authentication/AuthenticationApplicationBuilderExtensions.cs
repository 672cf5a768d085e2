namespace ArtifactHub.Server.Auth.Authentication;

public static class AuthenticationApplicationBuilderExtensions
{
    /// <summary>
    /// Right after <c>UseAuthentication</c>: refuse requests whose credentials were refused (401/429), check the
    /// antiforgery token of changes made with the session cookie, and rate-limit the endpoints that ask for it (sign-in).
    /// </summary>
    public static IApplicationBuilder UseAuthenticationGuards(this IApplicationBuilder app) =>
        app.UseMiddleware<RejectedCredentialsMiddleware>()
            .UseRateLimiter()
            .UseMiddleware<SessionAntiforgeryMiddleware>();
}
