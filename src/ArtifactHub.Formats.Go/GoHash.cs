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
        Hash1([("go.mod", Convert.ToHexStringLower(SHA256.HashData(goMod)))]);

    /// <summary>Go sorts strings by their UTF-8 bytes; UTF-16 order differs above U+FFFF.</summary>
    private static int CompareUtf8(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
}
