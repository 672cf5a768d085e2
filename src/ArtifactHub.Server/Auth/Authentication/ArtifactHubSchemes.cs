namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>Authentication scheme names.</summary>
public static class ArtifactHubSchemes
{
    /// <summary>The default scheme: picks <see cref="Basic"/>, <see cref="ApiToken"/> or <see cref="Session"/> from the request.</summary>
    public const string Default = "ArtifactHub";

    /// <summary>HTTP Basic: a user name and a password or an API token.</summary>
    public const string Basic = BasicAuthenticationHandler.SchemeName;

    /// <summary>
    /// <c>Authorization: Bearer ah_…</c>. Not called "Bearer", so that a JWT bearer scheme for an external identity
    /// provider can take that name later.
    /// </summary>
    public const string ApiToken = "ApiToken";

    /// <summary>The browser session cookie.</summary>
    public const string Session = "Session";

    public const string Realm = "ArtifactHub";
}
