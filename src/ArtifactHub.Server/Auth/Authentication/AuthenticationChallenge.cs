using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// The one 401 (and 403) of every scheme. A 401 names the realm (<c>WWW-Authenticate: Basic realm="ArtifactHub"</c>, and
/// <c>Bearer</c> as well when a Bearer token came along) so that the go command and curl know to send credentials, and
/// says in text/plain what was wrong, without echoing what was sent.
/// </summary>
public static class AuthenticationChallenge
{
    private const string Required = "authentication required: send HTTP Basic credentials (a user name and a password or API token) or an API token as a Bearer token";

    public static async Task WriteUnauthorizedAsync(HttpContext context)
    {
        var failure = CredentialFailure.Of(context);
        var response = context.Response;
        if (failure is { Kind: CredentialFailureKind.TooManyFailures })
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            var seconds = Math.Max(1, (int)Math.Ceiling((failure.RetryAfter ?? FailedPasswordLimiter.Window).TotalSeconds));
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            if (!FromScriptInBrowser(context.Request))
            {
                response.Headers.WWWAuthenticate = Challenges(context.Request, failure);
            }
        }

        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync((failure?.Message ?? Required) + "\n", context.RequestAborted);
    }

    public static async Task WriteForbiddenAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("forbidden: this account may not do that\n", context.RequestAborted);
    }

    private static StringValues Challenges(HttpRequest request, CredentialFailure? failure)
    {
        var basic = $"Basic realm=\"{ArtifactHubSchemes.Realm}\", charset=\"UTF-8\"";
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return basic;
        }

        // RFC 6750 §3: say that the token itself was refused.
        var bearer = failure is { Kind: CredentialFailureKind.Token }
            ? $"Bearer realm=\"{ArtifactHubSchemes.Realm}\", error=\"invalid_token\""
            : $"Bearer realm=\"{ArtifactHubSchemes.Realm}\"";
        return new StringValues([basic, bearer]);
    }

    /// <summary>
    /// The web UI's own requests (fetch with <c>X-Requested-With: XMLHttpRequest</c>) get a bare 401: a Basic challenge
    /// would make the browser pop up its own sign-in dialog. The go command and curl never send this header.
    /// </summary>
    private static bool FromScriptInBrowser(HttpRequest request) =>
        string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.OrdinalIgnoreCase);
}
