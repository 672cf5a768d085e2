using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>What verifier keys, signer keys and signature lines of sumdb/note share: names, key hashes, the algorithm byte.</summary>
public static class NoteKeys
{
    /// <summary>The algorithm byte in front of a key: 1 is Ed25519, the only one sumdb/note knows.</summary>
    public const byte Ed25519 = 0x01;

    public const int PublicKeySize = 32;

    public const int SeedSize = 32;

    public const int SignatureSize = 64;

    /// <summary>
    /// The key hash: the first 4 bytes, big-endian, of SHA-256(name + "\n" + algorithm byte + public key). A signature
    /// line carries it so a reader can pick the key without trying them all.
    /// </summary>
    public static uint KeyHash(string name, ReadOnlySpan<byte> algorithmAndKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name + "\n");
        var input = new byte[nameBytes.Length + algorithmAndKey.Length];
        nameBytes.CopyTo(input, 0);
        algorithmAndKey.CopyTo(input.AsSpan(nameBytes.Length));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>A key name is non-empty, has no white space and no '+' (the separator of the key forms).</summary>
    public static string? CheckName(string name)
    {
        if (name.Length == 0)
        {
            return "the name is empty";
        }

        if (name.Contains('+', StringComparison.Ordinal))
        {
            return $"the name \"{name}\" contains '+'";
        }

        for (var i = 0; i < name.Length; i++)
        {
            // Go's unicode.IsSpace: ASCII white space, U+0085, U+00A0 and the Unicode separators.
            if (char.IsWhiteSpace(name[i]))
            {
                return $"the name \"{name}\" contains white space";
            }

            if (char.IsSurrogate(name[i]) && !char.IsSurrogatePair(name, i))
            {
                return $"the name \"{name}\" is not valid UTF-8";
            }

            if (char.IsHighSurrogate(name[i]))
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>Eight lower-case hex digits, as the key forms write the hash.</summary>
    public static string FormatHash(uint hash) => hash.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Parses the 8 hex digits of a key's hash field (either case, as Go's ParseUint(s, 16, 32) takes).</summary>
    public static bool TryParseHash(string text, out uint hash)
    {
        hash = 0;
        return text.Length == 8 && text.All(char.IsAsciiHexDigit)
            && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hash);
    }

    /// <summary>Strict standard base64 (with padding), as Go's base64.StdEncoding decodes it; null when it is not.</summary>
    public static byte[]? DecodeBase64(string text)
    {
        // .NET's decoder skips white space, Go's does not (it only drops \r and \n): refuse it outright.
        if (text.Length % 4 != 0 || text.Any(c => c is ' ' or '\t' or '\r' or '\n'))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
