using System.Security.Cryptography;
using System.Text;

namespace ArtifactHub.Server.Tests;

/// <summary>
/// Files shaped as sum.golang.org serves them (lookup, latest, tiles), for a static upstream to serve
/// (<see cref="StaticUpstream.Serve(string, byte[])"/>). Their signatures are not real: the proxy under test stores
/// and forwards bytes, it does not verify them (the E2E tests run the go command against a real signed database).
/// </summary>
public static class FakeSumDbFiles
{
    public const string Db = "sum.example.test";

    /// <summary>The repository URL path of a checksum-database request.</summary>
    public static string SumDb(string repository, string rest, string database = Db) => $"/repository/{repository}/sumdb/{database}/{rest}";

    /// <summary>A signed tree note: "go.sum database tree", size, root hash, signature line.</summary>
    public static string Note(long size, string seed) =>
        $"go.sum database tree\n{size}\n{Hash(seed)}\n\n— {Db} Az3gr{Hash(seed + "signature")[..40]}\n";

    /// <summary>A lookup answer: record id, the go.sum lines, then the signed tree note.</summary>
    public static string Lookup(string module, string version, long id) => $"{id}\n{Record(module, version)}\n{Note(id + 1000, module)}";

    /// <summary>One record of the database (as a data tile holds them, one after another, each ending in a blank line).</summary>
    public static string Record(string module, string version) =>
        $"{module} {version} h1:{Hash(module + version)}\n{module} {version}/go.mod h1:{Hash(module + version + "mod")}\n";

    /// <summary>A hash tile of <paramref name="hashes"/> random 32-byte hashes.</summary>
    public static byte[] HashTile(int hashes = 256) => RandomNumberGenerator.GetBytes(hashes * 32);

    private static string Hash(string seed) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
}
