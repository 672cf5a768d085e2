using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// A checksum database's public key in sumdb/note's verifier-key form <c>name+hash+base64</c>, e.g.
/// <c>sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8</c>: the base64 holds the algorithm
/// byte (1, Ed25519) and the 32-byte key, and the hash is <see cref="NoteKeys.KeyHash"/> of both.
/// </summary>
public sealed class NoteVerifier
{
    private readonly Ed25519PublicKeyParameters _key;

    private NoteVerifier(string name, uint keyHash, byte[] publicKey, Ed25519PublicKeyParameters key)
    {
        Name = name;
        KeyHash = keyHash;
        PublicKey = publicKey;
        _key = key;
    }

    public string Name { get; }

    public uint KeyHash { get; }

    /// <summary>The 32-byte Ed25519 public key (without the algorithm byte).</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>The verifier key, as GOSUMDB takes it.</summary>
    public string Key => $"{Name}+{NoteKeys.FormatHash(KeyHash)}+{Convert.ToBase64String([NoteKeys.Ed25519, .. PublicKey.Span])}";

    public override string ToString() => Key;

    /// <summary>Parses a verifier key; a <see cref="SumDbException"/> (<see cref="SumDbProblem.MalformedKey"/>) says what is wrong.</summary>
    public static NoteVerifier Parse(string verifierKey)
    {
        var parts = verifierKey.Split('+', 3);
        if (parts.Length != 3)
        {
            throw Malformed(verifierKey, "expected name+hash+base64");
        }

        var (name, hashText, keyText) = (parts[0], parts[1], parts[2]);
        if (NoteKeys.CheckName(name) is { } badName)
        {
            throw Malformed(verifierKey, badName);
        }

        if (!NoteKeys.TryParseHash(hashText, out var hash))
        {
            throw Malformed(verifierKey, $"the hash \"{hashText}\" is not 8 hex digits");
        }

        if (NoteKeys.DecodeBase64(keyText) is not { } key)
        {
            throw Malformed(verifierKey, "the key is not base64");
        }

        if (key.Length == 0)
        {
            throw Malformed(verifierKey, "the key is empty");
        }

        if (key[0] != NoteKeys.Ed25519)
        {
            throw Malformed(verifierKey, $"unknown key algorithm {key[0]} (1 is Ed25519)");
        }

        if (key.Length != 1 + NoteKeys.PublicKeySize)
        {
            throw Malformed(verifierKey, $"an Ed25519 key is {NoteKeys.PublicKeySize} bytes, this one is {key.Length - 1}");
        }

        var expected = NoteKeys.KeyHash(name, key);
        if (hash != expected)
        {
            throw Malformed(verifierKey, $"the hash {hashText} does not match the name and key (they hash to {NoteKeys.FormatHash(expected)})");
        }

        return FromPublicKey(name, key.AsSpan(1), verifierKey);
    }

    /// <summary>The verifier of an Ed25519 public key under a name (sumdb/note's NewEd25519VerifierKey).</summary>
    public static NoteVerifier FromPublicKey(string name, ReadOnlySpan<byte> publicKey) => FromPublicKey(name, publicKey, name);

    /// <summary>Checks a signature of <paramref name="message"/> (the note text's UTF-8 bytes) by this key.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != NoteKeys.SignatureSize)
        {
            return false;
        }

        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, _key);
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature.ToArray());
    }

    private static NoteVerifier FromPublicKey(string name, ReadOnlySpan<byte> publicKey, string shown)
    {
        if (NoteKeys.CheckName(name) is { } badName)
        {
            throw Malformed(shown, badName);
        }

        if (publicKey.Length != NoteKeys.PublicKeySize)
        {
            throw Malformed(shown, $"an Ed25519 key is {NoteKeys.PublicKeySize} bytes, this one is {publicKey.Length}");
        }

        Ed25519PublicKeyParameters key;
        try
        {
            key = new Ed25519PublicKeyParameters(publicKey);
        }
        catch (ArgumentException e)
        {
            throw Malformed(shown, "the key is not an Ed25519 point: " + e.Message);
        }

        return new NoteVerifier(name, NoteKeys.KeyHash(name, [NoteKeys.Ed25519, .. publicKey]), publicKey.ToArray(), key);
    }

    private static SumDbException Malformed(string key, string why) =>
        new(SumDbProblem.MalformedKey, $"malformed verifier key \"{key}\": {why}");
}
