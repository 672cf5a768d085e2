namespace ArtifactHub.Core.Security;

/// <summary>Server-wide security switches (one row).</summary>
public sealed class SecuritySettings
{
    public int Id { get; set; } = 1;

    /// <summary>When off, callers without credentials get nothing (401), whatever the anonymous role holds.</summary>
    public bool AnonymousAccess { get; set; } = true;
}
