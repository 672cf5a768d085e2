using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// An Ed25519 key that signs notes, in sumdb/note's signer-key form <c>PRIVATE+KEY+name+hash+base64</c> (the base64 is
/// the algorithm byte and the 32-byte seed; the hash is the one of the public key, as in the verifier key).
/// </summary>
public sealed class NoteSigner
{
    private const string Prefix = "PRIVATE+KEY+";

    private readonly Ed25519PrivateKeyParameters _key;
    private readonly byte[] _seed;

    private NoteSigner(string name, byte[] seed)
    {
        _seed = seed;
        _key = new Ed25519PrivateKeyParameters(seed);
        Verifier = NoteVerifier.FromPublicKey(name, _key.GeneratePublicKey().GetEncoded());
    }

    public string Name => Verifier.Name;

    public uint KeyHash => Verifier.KeyHash;

    /// <summary>The matching verifier, whose <see cref="NoteVerifier.Key"/> is the verifier key to hand out.</summary>
    public NoteVerifier Verifier { get; }

    /// <summary>The signer key: anyone holding it can sign as this database, so it stays secret.</summary>
    public string Key => $"{Prefix}{Name}+{NoteKeys.FormatHash(KeyHash)}+{Convert.ToBase64String([NoteKeys.Ed25519, .. _seed])}";

    /// <summary>A new random key pair for <paramref name="name"/> (sumdb/note's GenerateKey).</summary>
    public static NoteSigner Generate(string name) => FromSeed(name, RandomNumberGenerator.GetBytes(NoteKeys.SeedSize));

    /// <summary>The key pair of a 32-byte Ed25519 seed (what GenerateKey reads from its random source).</summary>
    public static NoteSigner FromSeed(string name, ReadOnlySpan<byte> seed)
    {
        if (NoteKeys.CheckName(name) is { } badName)
        {
            throw Malformed(name, badName);
        }

        if (seed.Length != NoteKeys.SeedSize)
        {
            throw Malformed(name, $"an Ed25519 seed is {NoteKeys.SeedSize} bytes, this one is {seed.Length}");
        }

        return new NoteSigner(name, seed.ToArray());
    }

    /// <summary>Parses a signer key; a <see cref="SumDbException"/> (<see cref="SumDbProblem.MalformedKey"/>) says what is wrong.</summary>
    public static NoteSigner Parse(string signerKey)
    {
        // Never echo the key itself in an error: it is a secret.
        const string shown = "PRIVATE+KEY+…";
        if (!signerKey.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw Malformed(shown, "a signer key starts with PRIVATE+KEY+");
        }

        var parts = signerKey[Prefix.Length..].Split('+', 3);
        if (parts.Length != 3)
        {
            throw Malformed(shown, "expected PRIVATE+KEY+name+hash+base64");
        }

        var (name, hashText, keyText) = (parts[0], parts[1], parts[2]);
        if (NoteKeys.CheckName(name) is { } badName)
        {
            throw Malformed(shown, badName);
        }

        if (!NoteKeys.TryParseHash(hashText, out var hash))
        {
            throw Malformed(shown, $"the hash \"{hashText}\" is not 8 hex digits");
        }

        if (NoteKeys.DecodeBase64(keyText) is not { Length: > 0 } key)
        {
            throw Malformed(shown, "the key is not base64 or is empty");
        }

        if (key[0] != NoteKeys.Ed25519)
        {
            throw Malformed(shown, $"unknown key algorithm {key[0]} (1 is Ed25519)");
        }

        if (key.Length != 1 + NoteKeys.SeedSize)
        {
            throw Malformed(shown, $"an Ed25519 seed is {NoteKeys.SeedSize} bytes, this one is {key.Length - 1}");
        }

        var signer = new NoteSigner(name, key[1..]);
        if (signer.KeyHash != hash)
        {
            throw Malformed(shown, $"the hash {hashText} does not match the name and key (they hash to {NoteKeys.FormatHash(signer.KeyHash)})");
        }

        return signer;
    }

    /// <summary>The 64-byte Ed25519 signature of <paramref name="message"/> (deterministic: the same bytes every time).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _key);
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    public override string ToString() => $"signer {Verifier.Key}";

    private static SumDbException Malformed(string key, string why) =>
        new(SumDbProblem.MalformedKey, $"malformed signer key \"{key}\": {why}");
}
