namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// Credentials that were sent and refused end the request with a 401 (or 429), even where no credentials are needed.
/// A caller whose credentials were refused (a wrong password, a revoked or expired token) is not anonymous: it is
/// challenged, so that it learns its credentials are bad instead of silently getting what anonymous callers get.
/// (An expired session cookie is not refused here: the browser then simply browses anonymously.)
/// </summary>
/// <remarks>
/// Runs right after authentication and before authorization, so authorization can count on it: a caller that is not
/// signed in sent no credentials. Every request with an Authorization header goes to the Basic or the API token
/// scheme, which either signs the caller in or notes a <see cref="CredentialFailure"/>.
/// </remarks>
public sealed class RejectedCredentialsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        CredentialFailure.Of(context) is not null && context.User.Identity?.IsAuthenticated != true
            ? AuthenticationChallenge.WriteUnauthorizedAsync(context)
            : next(context);
}
