using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using ArtifactHub.Core.Security;
using ArtifactHub.Server.Auth.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Auth;

/// <summary>
/// HTTP Basic, as the go command sends it (from .netrc or the GOPROXY URL): a user name and either a password or an
/// API token (<c>machine host login alice password ah_…</c>), which must then be one of that user's. Any other
/// Authorization header that reaches this scheme is refused as unreadable.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    CredentialAuthenticator credentials) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Basic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (string.IsNullOrEmpty(Request.Headers.Authorization))
        {
            return AuthenticateResult.NoResult();
        }

        if (!TryRead(Request.Headers.Authorization.ToString(), out var userName, out var password))
        {
            return CredentialAuthenticator.Fail(Context, new CredentialFailure(CredentialFailureKind.Malformed));
        }

        return ApiTokenSecret.LooksLikeToken(password)
            ? await credentials.TokenAsync(Context, SchemeName, password, userName)
            : await credentials.PasswordAsync(Context, SchemeName, userName, password);
    }

    private static bool TryRead(string header, out string userName, out string password)
    {
        userName = password = "";
        if (!AuthenticationHeaderValue.TryParse(header, out var value) ||
            !string.Equals(value.Scheme, SchemeName, StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        userName = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => AuthenticationChallenge.WriteUnauthorizedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthenticationChallenge.WriteForbiddenAsync(Context);
}
