namespace ArtifactHub.Core.Security;

/// <summary>
/// Turns a secret (an upstream password or token) into a form that is safe to store, and back. The server
/// implements it with ASP.NET Core Data Protection, whose keys live beside the data.
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    /// <summary>The secret, or null when the protected form cannot be read (keys lost or changed, text altered).</summary>
    string? TryUnprotect(string protectedSecret);
}
