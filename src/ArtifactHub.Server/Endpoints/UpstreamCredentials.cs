using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;
using ArtifactHub.Core.Proxy;

namespace ArtifactHub.Server.Endpoints;

/// <summary>
/// Upstream credentials between the API, where a request carries the password or token in clear, and storage,
/// which holds only its protected form. Answers never carry either.
/// </summary>
public static class UpstreamCredentials
{
    /// <summary>
    /// The proxy settings to store. Credentials in the request are protected; none in the request keeps the stored
    /// ones (a PUT of other settings need not repeat the password); <c>{"type":"none"}</c> removes them.
    /// </summary>
    public static ProxySettings? ToStore(ProxySettings? requested, ProxySettings? stored, ISecretProtector secrets)
    {
        if (requested is null)
        {
            return stored;
        }

        return requested with
        {
            Authentication = requested.Authentication switch
            {
                null => stored?.Authentication,
                { Type: UpstreamAuthentication.Basic } basic => new UpstreamAuthentication
                {
                    Type = UpstreamAuthentication.Basic, Username = basic.Username, ProtectedSecret = secrets.Protect(basic.Password!),
                },
                { Type: UpstreamAuthentication.Bearer } bearer => new UpstreamAuthentication
                {
                    Type = UpstreamAuthentication.Bearer, ProtectedSecret = secrets.Protect(bearer.Token!),
                },
                _ => null,
            },
        };
    }

    /// <summary>
    /// Kept credentials must not follow the upstream to another origin (they were given for the old one): such a
    /// change has to say again which credentials apply, or none.
    /// </summary>
    public static bool WouldFollowToAnotherOrigin(ProxySettings requested, ProxySettings? stored) =>
        requested.Authentication is null
        && stored is { Authentication: not null }
        && !(Uri.TryCreate(requested.Upstream, UriKind.Absolute, out var to)
             && Uri.TryCreate(stored.Upstream, UriKind.Absolute, out var from)
             && UpstreamAuthorization.SameOrigin(from, to));

    /// <summary>What the API answers: the type and user name of the credentials, nothing secret in any form.</summary>
    public static ProxySettings? ForDisplay(ProxySettings? stored) =>
        stored is { Authentication: { } authentication } ? stored with { Authentication = authentication.ForDisplay() } : stored;
}
