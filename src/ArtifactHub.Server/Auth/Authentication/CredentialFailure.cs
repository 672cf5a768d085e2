namespace ArtifactHub.Server.Auth.Authentication;

public enum CredentialFailureKind
{
    /// <summary>An Authorization header that is not Basic or Bearer, or cannot be read.</summary>
    Malformed,

    /// <summary>Wrong user name or password (also: disabled account, service account, unknown user).</summary>
    Password,

    /// <summary>An API token that is unknown, expired, revoked, of a disabled user, or sent under another user's name.</summary>
    Token,

    /// <summary>Too many failed password sign-ins from the caller's address (see <see cref="FailedPasswordLimiter"/>).</summary>
    TooManyFailures,
}

/// <summary>
/// Why the credentials a request came with were refused, noted on the request so that the 401 (or 429) says so:
/// the authorization middleware only challenges, and a handler's failure message is not shown to the client.
/// </summary>
public sealed record CredentialFailure(CredentialFailureKind Kind, TimeSpan? RetryAfter = null)
{
    private const string Key = "ArtifactHub.CredentialFailure";

    /// <summary>Text for the client (text/plain, for the go command and curl). Never echoes what was sent.</summary>
    public string Message => Kind switch
    {
        CredentialFailureKind.Malformed => "unreadable Authorization header: send HTTP Basic credentials or an API token as a Bearer token",
        CredentialFailureKind.Password => "invalid user name or password",
        CredentialFailureKind.Token => "the API token is invalid, expired or revoked",
        _ => "too many failed sign-ins from this address: try again later",
    };

    public static CredentialFailure? Of(HttpContext context) => context.Items.TryGetValue(Key, out var value) ? value as CredentialFailure : null;

    public void NoteOn(HttpContext context) => context.Items[Key] = this;
}
