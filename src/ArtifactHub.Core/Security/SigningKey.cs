namespace ArtifactHub.Core.Security;

/// <summary>
/// A key this server signs with (Ed25519, in the checksum database's note format, so one verifier checks both): made
/// on first start, kept in the database so that every node signs with the same one.
/// </summary>
public sealed class SigningKey
{
    /// <summary>The key that signs transfer bundles.</summary>
    public const string Bundles = "bundles";

    public int Id { get; set; }

    /// <summary>What it signs; one key per purpose.</summary>
    public required string Purpose { get; set; }

    /// <summary>The public half as a note verifier key, <c>name+hash+base64</c>: what others trust.</summary>
    public required string VerifierKey { get; set; }

    /// <summary>The private half (a note signer key), protected with <see cref="ISecretProtector"/>; never answered.</summary>
    public required string ProtectedSignerKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
