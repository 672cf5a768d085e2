using System.Security.Cryptography;
using System.Text;

namespace ArtifactHub.Core.Security;

/// <summary>
/// Token text: <c>ah_</c> and 43 base64url characters (256 random bits), a prefix secret scanners recognise. Tokens
/// have full entropy, so a plain SHA-256 is a safe stored form (no slow hash needed) and lookups are by hash.
/// </summary>
public static class ApiTokenSecret
{
    public const string Marker = "ah_";

    /// <summary>How much of a token is kept in clear to tell it apart: the marker and 6 characters.</summary>
    public const int PrefixLength = 9;

    public static string NewToken() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static bool LooksLikeToken(string? text) => text is { Length: 46 } && text.StartsWith(Marker, StringComparison.Ordinal);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PrefixOf(string token) => token[..PrefixLength];

    /// <summary>Compares a presented token's hash with a stored one in constant time.</summary>
    public static bool HashEquals(string presentedHash, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presentedHash), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
