namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// Credentials that were sent and refused end the request with a 401 (or 429), even where no credentials are needed:
/// a revoked token or a wrong password in .netrc should say so, not silently fall back to anonymous access. (An
/// expired session cookie is not refused here: the browser then simply browses anonymously.)
/// </summary>
public sealed class RejectedCredentialsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        CredentialFailure.Of(context) is not null && context.User.Identity?.IsAuthenticated != true
            ? AuthenticationChallenge.WriteUnauthorizedAsync(context)
            : next(context);
}
