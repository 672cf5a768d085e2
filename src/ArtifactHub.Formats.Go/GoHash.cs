using System.Security.Cryptography;
using System.Text;

namespace ArtifactHub.Formats.Go;

/// <summary>
/// The "h1:" hash of go.sum (golang.org/x/mod/sumdb/dirhash Hash1): SHA-256 over the lines
/// <c>hex(sha256(file)) + "  " + name + "\n"</c> for every file name in sorted (byte) order.
/// </summary>
public static class GoHash
{
    /// <param name="files">File names with the lower-case hex SHA-256 of their bytes.</param>
    public static string Hash1(IEnumerable<(string Name, string Sha256Hex)> files)
    {
        var sorted = files.ToList();
        sorted.Sort((a, b) => CompareUtf8(a.Name, b.Name));
        using var summary = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, sha) in sorted)
        {
            if (name.Contains('\n'))
            {
                throw new ArgumentException($"file name {name} contains a newline");
            }

            summary.AppendData(Encoding.UTF8.GetBytes($"{sha}  {name}\n"));
        }

        return "h1:" + Convert.ToBase64String(summary.GetHashAndReset());
    }

    /// <summary>The hash of go.sum's "/go.mod" line: one file named "go.mod" holding the .mod bytes.</summary>
    public static string GoModHash(ReadOnlySpan<byte> goMod) =>
        GoModHashOfSha256(Convert.ToHexStringLower(SHA256.HashData(goMod)));

    /// <summary>
    /// The hash of go.sum's "/go.mod" line from the SHA-256 of the .mod bytes (as a staged file or a zip entry
    /// already has it), so the bytes need not be read again.
    /// </summary>
    /// <param name="sha256Hex">The lower-case hex SHA-256 of the .mod bytes.</param>
    public static string GoModHashOfSha256(string sha256Hex)
    {
        if (sha256Hex.Length != 64 || !sha256Hex.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("a SHA-256 is 64 lower-case hex digits", nameof(sha256Hex));
        }

        return Hash1([("go.mod", sha256Hex)]);
    }

    /// <summary>Go sorts strings by their UTF-8 bytes; UTF-16 order differs above U+FFFF.</summary>
    private static int CompareUtf8(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
}
