using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Formats.Go.Tests;

/// <summary>GoHash against golang.org/x/mod/sumdb/dirhash itself (run through <see cref="GoHashTool"/>).</summary>
public sealed class GoHashTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(SampleZips.Names), MemberType = typeof(SampleZips))]
    public async Task Hash1_of_a_zip_matches_dirhash_HashZip(string name)
    {
        var zip = _temp.Write(SampleZips.All[name].Build());
        var expected = await GoHashTool.HashZipAsync(zip);

        Assert.Equal(expected, GoHash.Hash1(HashEntries(zip)));
    }

    [Theory]
    [InlineData("module example.com/m\n")]
    [InlineData("module example.com/m\n\ngo 1.19\n\nrequire (\n\texample.com/x v1.0.0\n)\n")]
    [InlineData("module example.com/m\r\n")]
    [InlineData("module example.com/ü // non-ASCII\n")]
    [InlineData("")]
    [InlineData("module \"rsc.io/quote\"\n\nrequire \"rsc.io/sampler\" v1.3.0\n")]
    public async Task GoModHash_matches_the_go_command(string goMod)
    {
        var bytes = Encoding.UTF8.GetBytes(goMod);
        Assert.Equal(await GoHashTool.HashGoModAsync(bytes), GoHash.GoModHash(bytes));
    }

    [Fact]
    public void GoModHash_of_rsc_io_quote_v1_5_2_is_the_one_in_every_go_sum()
    {
        // rsc.io/quote v1.5.2/go.mod h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=
        var goMod = "module \"rsc.io/quote\"\n\nrequire \"rsc.io/sampler\" v1.3.0\n"u8;
        Assert.Equal("h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=", GoHash.GoModHash(goMod));
    }

    [Fact]
    public void Hash1_is_h1_and_44_base64_characters_of_a_sha256()
    {
        var h1 = GoHash.Hash1([("a", new string('0', 64))]);
        Assert.StartsWith("h1:", h1);
        Assert.Equal(44, h1.Length - 3);
        Assert.Equal(32, Convert.FromBase64String(h1[3..]).Length);
        Assert.Matches("^h1:[A-Za-z0-9+/]{43}=$", h1);
    }

    [Fact]
    public void Hash1_does_not_depend_on_input_order()
    {
        (string, string)[] files = [("b", Sha("b")), ("a", Sha("a")), ("𝒜", Sha("x")), ("ｚ", Sha("y"))];
        Assert.Equal(GoHash.Hash1(files), GoHash.Hash1(files.Reverse()));
    }

    [Fact]
    public void Hash1_is_the_sha256_of_the_sorted_summary_lines()
    {
        // Sorted by UTF-8 bytes: "ｚ" (EF BD 9A) comes before "𝒜" (F0 9D 92 9C), unlike UTF-16 order.
        var summary = $"{Sha("1")}  B\n{Sha("2")}  a\n{Sha("3")}  ｚ\n{Sha("4")}  𝒜\n";
        var expected = "h1:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(summary)));
        Assert.Equal(expected, GoHash.Hash1([("𝒜", Sha("4")), ("a", Sha("2")), ("ｚ", Sha("3")), ("B", Sha("1"))]));
    }

    [Fact]
    public void Hash1_rejects_a_name_with_a_newline() =>
        Assert.Throws<ArgumentException>(() => GoHash.Hash1([("a\nb", Sha(""))]));

    [Fact]
    public void GoModHash_from_the_sha256_of_the_bytes_is_the_hash_of_the_bytes()
    {
        var goMod = "module \"rsc.io/quote\"\n\nrequire \"rsc.io/sampler\" v1.3.0\n"u8;
        Assert.Equal("h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=", GoHash.GoModHashOfSha256(Convert.ToHexStringLower(SHA256.HashData(goMod))));
        Assert.Equal(GoHash.GoModHash("module example.com/m\n"u8), GoHash.GoModHashOfSha256(Sha("module example.com/m\n")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g")]
    public void GoModHash_from_a_sha256_refuses_anything_but_64_lower_case_hex_digits(string sha) =>
        Assert.Throws<ArgumentException>(() => GoHash.GoModHashOfSha256(sha));

    [Fact]
    public void GoModHash_is_h1() => Assert.Matches("^h1:[A-Za-z0-9+/]{43}=$", GoHash.GoModHash("module example.com/m\n"u8));

    private static string Sha(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>Every entry of the zip (directories too, as dirhash.HashZip does) with the SHA-256 of its content.</summary>
    private static List<(string Name, string Sha256Hex)> HashEntries(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var files = new List<(string, string)>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            files.Add((entry.FullName, Convert.ToHexStringLower(SHA256.HashData(stream))));
        }

        return files;
    }
}
