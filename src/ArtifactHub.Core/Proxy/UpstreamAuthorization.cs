using System.Net.Http.Headers;
using System.Text;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;

namespace ArtifactHub.Core.Proxy;

/// <summary>
/// The Authorization header a proxy sends with its credentials: only to the origin of its own upstream, so they
/// never reach a checksum database (or anything else) on another host.
/// </summary>
public static class UpstreamAuthorization
{
    /// <summary>Same scheme, host and port (default ports count as written).</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>False when the stored secret cannot be read; otherwise the header to send, null for none.</summary>
    public static bool TryCreate(ProxySettings settings, Uri requestUrl, ISecretProtector secrets, out AuthenticationHeaderValue? header)
    {
        header = null;
        if (settings.Authentication is not { ProtectedSecret: { } protectedSecret } authentication
            || !Uri.TryCreate(settings.Upstream, UriKind.Absolute, out var upstream)
            || !SameOrigin(upstream, requestUrl))
        {
            return true;
        }

        if (secrets.TryUnprotect(protectedSecret) is not { } secret)
        {
            return false;
        }

        header = authentication.Type == UpstreamAuthentication.Basic
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{authentication.Username}:{secret}")))
            : new AuthenticationHeaderValue("Bearer", secret);
        return true;
    }
}
