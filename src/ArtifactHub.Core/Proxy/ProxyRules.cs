using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Core.Proxy;

/// <summary>A proxy's allow/block rules: what they match is never sent upstream, so private names do not leak.</summary>
public static class ProxyRules
{
    /// <summary>Not blocked, and allowed when there is an allow list (GOPRIVATE-style globs, <see cref="PathPatterns"/>).</summary>
    public static bool MayFetch(ProxySettings settings, string subject) =>
        !PathPatterns.MatchesAny(settings.Block, subject) && (settings.Allow.Count == 0 || PathPatterns.MatchesAny(settings.Allow, subject));
}
