using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary><c>Authorization: Bearer ah_…</c>: an API token on its own, for scripts and CI.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    CredentialAuthenticator credentials) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        return await credentials.TokenAsync(Context, Scheme.Name, header[Prefix.Length..].Trim(), loginName: null);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => AuthenticationChallenge.WriteUnauthorizedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthenticationChallenge.WriteForbiddenAsync(Context);
}
