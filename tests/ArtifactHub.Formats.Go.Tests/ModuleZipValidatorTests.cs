using System.IO.Compression;
using System.Text;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Formats.Go.Tests;

public sealed class ModuleZipValidatorTests : IDisposable
{
    private const string M = "example.com/m";
    private const string V = "v1.0.0";
    private const string Prefix = $"{M}@{V}/";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(SampleZips.Names), MemberType = typeof(SampleZips))]
    public async Task A_valid_zip_has_the_hashes_of_the_go_command(string name)
    {
        var sample = SampleZips.All[name];
        var zip = _temp.Write(sample.Build());

        var result = ModuleZipValidator.Validate(zip, sample.Module, sample.Version);

        Assert.Equal(await GoHashTool.HashZipAsync(zip), result.ZipHash);
        Assert.Equal(await GoHashTool.HashGoModAsync(result.GoMod), result.GoModHash);
    }

    [Fact]
    public void A_valid_zip_serves_its_own_go_mod()
    {
        const string goMod = "module example.com/m\n\ngo 1.19\n\nrequire example.com/x v1.2.3\n";
        var zip = _temp.Write(ModuleZipBuilder.Simple(M, V, goMod, ("m.go", "package m\n")));

        var result = ModuleZipValidator.Validate(zip, M, V);

        Assert.True(result.HasGoMod);
        Assert.Equal(Encoding.UTF8.GetBytes(goMod), result.GoMod);
    }

    [Fact]
    public async Task A_zip_without_go_mod_gets_a_synthesized_one()
    {
        var zip = _temp.Write(ModuleZipBuilder.Simple(M, V, "", ("m.go", "package m\n")));

        var result = ModuleZipValidator.Validate(zip, M, V);

        Assert.False(result.HasGoMod);
        Assert.Equal("module example.com/m\n", Encoding.UTF8.GetString(result.GoMod));
        Assert.Equal(await GoHashTool.HashGoModAsync(result.GoMod), result.GoModHash);
        Assert.Equal(await GoHashTool.HashZipAsync(zip), result.ZipHash);
    }

    [Fact]
    public void Validate_leaves_the_zip_file_in_place()
    {
        var zip = _temp.Write(ModuleZipBuilder.Simple(M, V));
        ModuleZipValidator.Validate(zip, M, V);
        Assert.True(File.Exists(zip));
        File.Delete(zip); // not held open
    }

    [Theory]
    [InlineData("gopkg.in/yaml.v2", "v2.4.0")]
    [InlineData("example.com/m/v3", "v3.0.0-rc.1")]
    [InlineData("example.com/m", "v4.0.0+incompatible")]
    [InlineData("gopkg.in/check.v1", "v0.0.0-20161208181325-20d25e280405")]
    public void Module_versions_that_go_accepts(string module, string version)
    {
        var zip = _temp.Write(ModuleZipBuilder.Simple(module, version, "", ("x.go", "package x\n")));
        var result = ModuleZipValidator.Validate(zip, module, version);
        Assert.Equal($"module {module}\n", Encoding.UTF8.GetString(result.GoMod));
    }

    public static TheoryData<string, string> BadEntries() => new()
    {
        { "parent directory", Prefix + "../x.go" },
        { "parent inside", Prefix + "a/../x.go" },
        { "dot element", Prefix + "./x.go" },
        { "double slash", Prefix + "a//x.go" },
        { "absolute", "/" + Prefix + "x.go" },
        { "absolute after the prefix", Prefix + "/x.go" },
        { "backslash", Prefix + "dir\\x.go" },
        { "Windows reserved name", Prefix + "aux.txt" },
        { "colon", Prefix + "a:b" },
        { "no prefix", "x.go" },
        { "other version's prefix", $"{M}@v1.0.1/x.go" },
        { "other module's prefix", $"example.com/n@{V}/x.go" },
        { "prefix without slash", $"{M}@{V}x.go" },
        { "nested module", Prefix + "sub/go.mod" },
        { "upper-case go.mod", Prefix + "GO.MOD" },
        { "vendored package", Prefix + "vendor/x/y.go" },
        { "nested vendored package", Prefix + "vendor/example.com/x/y/z.go" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void A_bad_entry_is_rejected_and_named(string why, string entryName)
    {
        var zip = _temp.Write(new ModuleZipBuilder(M, V)
            .Add("go.mod", $"module {M}\n")
            .AddRaw(entryName, Encoding.UTF8.GetBytes("package x\n"))
            .Build());

        var e = Assert.Throws<InvalidModuleZipException>(() => ModuleZipValidator.Validate(zip, M, V));
        Assert.True(e.Message.Contains(entryName, StringComparison.Ordinal), $"{why}: the message names the entry: {e.Message}");
    }

    [Theory]
    [InlineData("../x.go", "invalid path element")] // path.Clean leaves "../x.go" as it is; module.CheckFilePath rejects ".."
    [InlineData("a/../x.go", "not clean")]
    [InlineData("./x.go", "not clean")]
    [InlineData("a//x.go", "not clean")]
    [InlineData("/x.go", "leading slash")]
    [InlineData("dir\\x.go", "invalid char '\\'")]
    [InlineData("aux.txt", "disallowed as path element component on Windows")]
    [InlineData("a:b", "invalid char ':'")]
    [InlineData("sub/go.mod", "not in module root directory")]
    [InlineData("GO.MOD", "lowercase")]
    [InlineData("vendor/x/y.go", "vendored packages")]
    public void A_bad_file_name_names_the_rule(string relativePath, string rule) =>
        AssertRejected(new ModuleZipBuilder(M, V).Add("x.go", "package x\n").Add(relativePath, "package x\n"), rule);

    [Fact]
    public void An_absolute_entry_name_has_no_module_prefix() =>
        AssertRejected(new ModuleZipBuilder(M, V).AddRaw("/" + Prefix + "x.go", "x"u8.ToArray()), "does not have prefix");

    [Fact]
    public void An_entry_without_the_module_prefix_is_rejected() =>
        AssertRejected(new ModuleZipBuilder(M, V).Add("go.mod", $"module {M}\n").AddRaw("x.go", "x"u8.ToArray()), $"does not have prefix \"{Prefix}\"");

    [Fact]
    public void Two_names_equal_under_case_folding_collide() =>
        AssertRejected(new ModuleZipBuilder(M, V).Add("a.go", "package a\n").Add("A.go", "package a\n"), "case-insensitive file name collision");

    [Fact]
    public void Directories_equal_under_case_folding_collide() =>
        AssertRejected(new ModuleZipBuilder(M, V).Add("dir/a.go", "package a\n").Add("DIR/b.go", "package a\n"), "case-insensitive file name collision");

    [Fact]
    public void Non_ASCII_names_equal_under_case_folding_collide() =>
        AssertRejected(new ModuleZipBuilder(M, V).Add("ü.go", "package a\n").Add("Ü.go", "package a\n"), "case-insensitive file name collision");

    [Fact]
    public void The_same_file_twice_is_rejected() =>
        AssertRejected(new ModuleZipBuilder(M, V).Add("a.go", "package a\n").Add("a.go", "package b\n"), "multiple entries");

    [Fact]
    public void A_path_that_is_both_file_and_directory_is_rejected() =>
        AssertRejected(new ModuleZipBuilder(M, V).Add("a", "x").Add("a/b.go", "package a\n"), "both a file and a directory");

    [Fact]
    public void A_go_mod_for_another_module_is_rejected() =>
        AssertRejected(new ModuleZipBuilder(M, V).Add("go.mod", "module example.com/other\n"), "example.com/other");

    [Fact]
    public void A_go_mod_for_another_major_version_is_rejected() =>
        AssertRejected(new ModuleZipBuilder(M + "/v2", "v2.0.0").Add("go.mod", $"module {M}\n"), "declares module");

    [Fact]
    public void A_go_mod_without_module_directive_is_rejected() =>
        AssertRejected(new ModuleZipBuilder(M, V).Add("go.mod", "go 1.19\n"), "no module directive");

    [Theory]
    [InlineData("v1.2", "not canonical")]
    [InlineData("1.2.3", "not a semantic version")]
    [InlineData("v1.2.3+meta", "not canonical")]
    [InlineData("v1", "not canonical")]
    public void A_non_canonical_version_is_rejected(string version, string rule) =>
        AssertRejected(new ModuleZipBuilder(M, version).Add("x.go", "package x\n"), rule, version: version);

    [Theory]
    [InlineData("example.com/m/v2", "v1.0.0", "should be v2, not v1")]
    [InlineData("example.com/m", "v2.0.0", "should be v0 or v1, not v2")]
    [InlineData("gopkg.in/yaml.v2", "v3.0.0", "should be v2, not v3")]
    public void A_version_that_does_not_match_the_major_suffix_is_rejected(string module, string version, string rule) =>
        AssertRejected(new ModuleZipBuilder(module, version).Add("x.go", "package x\n"), rule, module, version);

    [Theory]
    [InlineData("localhost/m", "missing dot")]
    [InlineData("example.com/m/v1", "invalid version suffix")]
    public void A_bad_module_path_is_rejected(string module, string rule) =>
        AssertRejected(new ModuleZipBuilder(module, V).Add("x.go", "package x\n"), rule, module);

    [Theory]
    [InlineData(0xA1FF, "symbolic link")] // lrwxrwxrwx
    [InlineData(0x11B6, "not a regular file")] // a FIFO
    [InlineData(0x21B6, "not a regular file")] // a character device
    public void A_symlink_or_special_file_is_rejected(int unixMode, string rule) =>
        AssertRejected(new ModuleZipBuilder(M, V).Add("go.mod", $"module {M}\n").AddRaw(Prefix + "link", "target"u8.ToArray(), unixMode), rule);

    [Fact]
    public void Regular_files_and_directories_with_unix_modes_are_fine()
    {
        var zip = _temp.Write(new ModuleZipBuilder(M, V)
            .AddRaw(Prefix + "go.mod", Encoding.UTF8.GetBytes($"module {M}\n"), 0x81A4) // -rw-r--r--
            .AddRaw(Prefix + "run.sh", "#!/bin/sh\n"u8.ToArray(), 0x81ED) // -rwxr-xr-x
            .AddRaw(Prefix + "dir/", [], 0x41ED) // drwxr-xr-x
            .Build());
        Assert.True(ModuleZipValidator.Validate(zip, M, V).HasGoMod);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(4096)]
    public void Random_bytes_are_not_a_zip(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        var e = Assert.Throws<InvalidModuleZipException>(() => ModuleZipValidator.Validate(_temp.Write(bytes), M, V));
        Assert.Contains("not a valid zip", e.Message);
    }

    [Fact]
    public void A_truncated_zip_is_rejected()
    {
        var bytes = new ModuleZipBuilder(M, V)
            .Add("go.mod", $"module {M}\n")
            .Add("a.go", "package m\n\nfunc A() {}\n")
            .Add("b.go", "package m\n\nfunc B() {}\n")
            .Build();
        var zip = _temp.Write(bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<InvalidModuleZipException>(() => ModuleZipValidator.Validate(zip, M, V));
        Assert.Contains("not a valid zip", e.Message);
    }

    /// <summary>
    /// Deflate data that ends early: .NET's reader yields 1 byte of the 18890 the headers declare and no error, but
    /// Go's archive/zip checks size and CRC-32 on read, so dirhash.HashZip and the go command fail ("unexpected EOF").
    /// A proxy that accepted this zip would serve, forever, a zip no go command can use.
    /// </summary>
    [Fact]
    public async Task A_zip_whose_entry_is_shorter_than_its_header_says_is_rejected()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}\n")));
        var bytes = new ModuleZipBuilder(M, V).Add("go.mod", $"module {M}\n").Add("data.txt", content).Build();
        // Overwrite part of data.txt's compressed stream; the central directory stays intact.
        var name = Encoding.UTF8.GetBytes(Prefix + "data.txt");
        var at = bytes.AsSpan().IndexOf(name) + name.Length + 40;
        bytes.AsSpan(at, 64).Fill(0xFF);
        var zip = _temp.Write(bytes);
        await AssertGoRejectsAsync(zip);

        var e = Assert.Throws<InvalidModuleZipException>(() => ModuleZipValidator.Validate(zip, M, V));
        Assert.Contains(Prefix + "data.txt", e.Message);
    }

    /// <summary>A stored entry with one byte changed: same length, wrong CRC-32. Go's archive/zip reports a checksum error.</summary>
    [Fact]
    public async Task A_zip_whose_entry_fails_its_CRC_is_rejected()
    {
        var zip = _temp.File("crc.zip");
        using (var archive = new ZipArchive(new FileStream(zip, FileMode.CreateNew), ZipArchiveMode.Create))
        {
            WriteEntry(archive, Prefix + "go.mod", $"module {M}\n");
            WriteEntry(archive, Prefix + "data.txt", "the original content of data.txt\n");
        }

        var bytes = File.ReadAllBytes(zip);
        var at = bytes.AsSpan().IndexOf("the original"u8);
        bytes[at] = (byte)'T';
        File.WriteAllBytes(zip, bytes);
        await AssertGoRejectsAsync(zip);

        var e = Assert.Throws<InvalidModuleZipException>(() => ModuleZipValidator.Validate(zip, M, V));
        Assert.Contains(Prefix + "data.txt", e.Message);

        static void WriteEntry(ZipArchive archive, string name, string content)
        {
            using var stream = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }
    }

    [Fact]
    public void A_go_mod_over_16_MiB_is_rejected()
    {
        var goMod = new byte[ModuleZipLimits.MaxGoMod + 1];
        goMod.AsSpan().Fill((byte)'\n');
        Encoding.UTF8.GetBytes($"module {M}\n").CopyTo(goMod, 0);
        AssertRejected(new ModuleZipBuilder(M, V).Add("go.mod", goMod), "go.mod file too large");
    }

    [Fact]
    public void A_LICENSE_over_16_MiB_is_rejected()
    {
        var license = new byte[ModuleZipLimits.MaxLicense + 1];
        license.AsSpan().Fill((byte)'x');
        AssertRejected(new ModuleZipBuilder(M, V).Add("LICENSE", license), "LICENSE file too large");
    }

    [Fact]
    public void An_uncompressed_total_over_500_MiB_is_rejected()
    {
        // One entry of 501 MiB of zeros: Deflate makes about half a megabyte of it. Written streaming.
        var zip = _temp.File("big.zip");
        using (var file = new FileStream(zip, FileMode.CreateNew, FileAccess.ReadWrite))
        using (var archive = new ZipArchive(file, ZipArchiveMode.Create))
        {
            archive.CreateEntry(Prefix + "go.mod").Open().Dispose();
            var entry = archive.CreateEntry(Prefix + "zeros.bin", CompressionLevel.Fastest);
            using var data = entry.Open();
            var chunk = new byte[1 << 20];
            for (var i = 0; i < 501; i++)
            {
                data.Write(chunk);
            }
        }

        Assert.True(new FileInfo(zip).Length < 10L << 20, "the zip itself is small");
        var e = Assert.Throws<InvalidModuleZipException>(() => ModuleZipValidator.Validate(zip, M, V));
        Assert.Contains("total uncompressed size", e.Message);
    }

    [Fact]
    public void Vendor_modules_txt_is_allowed()
    {
        var zip = _temp.Write(ModuleZipBuilder.Simple(M, V, null, ("vendor/modules.txt", "# example.com/x v1.0.0\n")));
        Assert.True(ModuleZipValidator.Validate(zip, M, V).HasGoMod);
    }

    /// <summary>The test's premise: golang.org/x/mod cannot hash this zip either.</summary>
    private static async Task AssertGoRejectsAsync(string zip)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => GoHashTool.HashZipAsync(zip));
        Assert.Contains("gohash:", e.Message);
    }

    private void AssertRejected(ModuleZipBuilder builder, string rule, string? module = null, string? version = null)
    {
        var zip = _temp.Write(builder.Build());
        var e = Assert.Throws<InvalidModuleZipException>(() => ModuleZipValidator.Validate(zip, module ?? builder.Module, version ?? builder.Version));
        Assert.True(e.Message.Contains(rule, StringComparison.Ordinal), $"the message names the rule \"{rule}\": {e.Message}");
    }
}
