using System.IO.Compression;
using System.Text;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Formats.Go.Tests;

/// <summary>
/// <see cref="ModuleZipWriter"/> against golang.org/x/mod/zip's CreateFromDir itself (Debian's x/mod, run by
/// <see cref="GoHashTool"/>): the same files in the same order, the same h1:, and the same refusals.
/// </summary>
public sealed class ModuleZipWriterTests : IDisposable
{
    private const string M = "example.com/tree";
    private const string V = "v1.2.3";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_directory_with_vendor_nested_modules_vcs_folders_and_links_zips_as_CreateFromDir_does()
    {
        var dir = Tree(
            ("go.mod", $"module {M}\n\ngo 1.19\n"),
            ("tree.go", "package tree\n"),
            ("LICENSE", "MIT\n"),
            (".gitignore", "bin/\n"),
            (".git/HEAD", "ref: refs/heads/main\n"),
            (".git/objects/ab/cdef", "blob"),
            ("sub/a.go", "package sub\n"),
            ("sub/.hg/store", "hg"),
            ("sub/.git", "gitdir: ../.git/worktrees/sub\n"), // a worktree's .git is a file: kept
            ("vendor/modules.txt", "# example.com/dep v1.0.0\n"),
            ("vendor/README", "vendored\n"),
            ("vendor/example.com/dep/dep.go", "package dep\n"),
            ("internal/vendor/x.go", "package vendor\n"), // x/mod's quirk leaves this out too
            ("internal/vendor/modules.txt", "#\n"),
            ("internal/keep.go", "package internal\n"),
            ("nested/go.mod", "module example.com/tree/nested\n"),
            ("nested/n.go", "package nested\n"),
            ("other/GO.MOD", "module example.com/tree/other\n"), // another module too, by case folding
            ("other/o.go", "package other\n"),
            ("other/deeper/d.go", "package deeper\n"),
            ("a/x.go", "package a\n"),
            ("a-b/x.go", "package ab\n"), // walk order puts a/ first; sorted names put a-b/ first
            ("ünïcode.txt", "letters are allowed\n"),
            (".hg_archival.txt", "repo: 0123\n"));
        Directory.CreateDirectory(Path.Combine(dir, "empty", "dir"));
        File.CreateSymbolicLink(Path.Combine(dir, "link.go"), "tree.go");
        File.CreateSymbolicLink(Path.Combine(dir, "dangling"), "nowhere");
        Directory.CreateSymbolicLink(Path.Combine(dir, "linkdir"), "sub");
        await MakeFifoAsync(Path.Combine(dir, "pipe")); // opened, it would block the writer forever

        var (reference, referenceEntries) = await CreateFromDirAsync(dir, M, V);
        var (written, entries) = await WriteAsync(dir, M, V);

        Assert.Equal(referenceEntries, entries);
        Assert.Equal(reference, written.ZipHash);
        Assert.Equal(reference, await GoHashTool.HashZipAsync(_temp.File("ours.zip")));
        Assert.Equal(await GoHashTool.HashGoModAsync(Encoding.UTF8.GetBytes($"module {M}\n\ngo 1.19\n")), written.GoModHash);
        Assert.Equal(
            [
                ".gitignore", "LICENSE", "a/x.go", "a-b/x.go", "go.mod", "internal/keep.go", "sub/.git", "sub/a.go", "tree.go",
                "vendor/README", "vendor/modules.txt", "ünïcode.txt",
            ],
            written.Files);
        Assert.Equal(written.Files.Select(f => $"{M}@{V}/{f}"), entries);
    }

    [Fact]
    public async Task What_is_left_out_is_said_with_the_reason()
    {
        var dir = Tree(
            ("go.mod", $"module {M}\n"),
            (".git/HEAD", "x"),
            ("vendor/example.com/dep/dep.go", "package dep\n"),
            ("nested/go.mod", "module example.com/tree/nested\n"),
            ("other/GO.MOD", "module example.com/tree/other\n"));
        File.CreateSymbolicLink(Path.Combine(dir, "link.go"), "go.mod");

        var notes = ModuleDirectory.Read(dir).Omitted.ToDictionary(n => n.Path, n => n.Reason);

        Assert.Equal("version control directory", notes[".git"]);
        Assert.Contains("vendored package", notes["vendor/example.com/dep"], StringComparison.Ordinal);
        Assert.Contains("another module", notes["nested"], StringComparison.Ordinal);
        Assert.Contains("another module", notes["other/GO.MOD"], StringComparison.Ordinal);
        Assert.Equal("symbolic link", notes["link.go"]);
    }

    [Fact]
    public async Task The_same_directory_gives_the_same_bytes()
    {
        var dir = Tree(("go.mod", $"module {M}\n"), ("a.go", "package a\n"), ("b/b.go", "package b\n"));

        await WriteAsync(dir, M, V, "first.zip");
        File.SetLastWriteTimeUtc(Path.Combine(dir, "a.go"), DateTime.UtcNow.AddDays(-3)); // times never reach the zip
        await WriteAsync(dir, M, V, "second.zip");

        Assert.Equal(await File.ReadAllBytesAsync(_temp.File("first.zip")), await File.ReadAllBytesAsync(_temp.File("second.zip")));
    }

    [Fact]
    public async Task Without_a_go_mod_the_zip_has_none_and_the_mod_hash_is_of_the_one_a_proxy_makes_up()
    {
        var dir = Tree(("a.go", "package a\n"));

        var (reference, referenceEntries) = await CreateFromDirAsync(dir, M, V);
        var (written, entries) = await WriteAsync(dir, M, V);

        Assert.Equal(referenceEntries, entries);
        Assert.Equal(reference, written.ZipHash);
        Assert.Equal(await GoHashTool.HashGoModAsync(Encoding.UTF8.GetBytes($"module {M}\n")), written.GoModHash);
    }

    public static TheoryData<string, string[], string, string> Refusals() => new()
    {
        { "a character Go does not allow", ["bad:name.go"], "bad:name.go", "malformed file path \"bad:name.go\": invalid char ':'" },
        { "a name Windows reserves", ["aux.go"], "aux.go", "malformed file path \"aux.go\": \"aux\" disallowed as path element component on Windows" },
        { "names equal but for case", ["README", "readme"], "readme", "case-insensitive file name collision: \"README\" and \"readme\"" },
        { "directories equal but for case", ["Docs/a.md", "docs/b.md"], "docs/b.md", "case-insensitive file name collision: \"Docs\" and \"docs\"" },
        { "a go.mod not in lower case", ["GO.MOD"], "GO.MOD", "go.mod files must have lowercase names" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_file_CreateFromDir_refuses_is_refused_and_named(string why, string[] files, string named, string rule)
    {
        var dir = Tree([("go.mod", $"module {M}\n"), .. files.Select(f => (f, "x\n"))]);

        var (reference, error) = await GoHashTool.CreateFromDirAsync(dir, M, V, _temp.File("reference.zip"));
        var refused = await Assert.ThrowsAsync<InvalidModuleDirectoryException>(() => WriteAsync(dir, M, V));

        Assert.True(reference is null, $"x/mod took the directory with {why}");
        Assert.Contains($"{named}: {rule}", error, StringComparison.Ordinal);
        Assert.Contains(new ModuleFileNote(named, rule), refused.Problems);
        Assert.Contains($"{named}: {rule}", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("ours.zip")) && new FileInfo(_temp.File("ours.zip")).Length > 0, "a refused directory left a zip behind");
    }

    [Theory]
    [InlineData("LICENSE", (16L << 20) + 1, "LICENSE file too large (max size is 16777216 bytes)")]
    [InlineData("go.mod", (16L << 20) + 1, "go.mod file too large (max size is 16777216 bytes)")]
    [InlineData("big.bin", (500L << 20) + 1, "module source tree too large (max size is 524288000 bytes)")]
    public async Task Files_over_the_size_limits_are_refused_before_anything_is_read(string name, long size, string rule)
    {
        var dir = Tree(("a.go", "package a\n"));
        await using (var sparse = File.Create(Path.Combine(dir, name)))
        {
            sparse.SetLength(size); // sparse: neither x/mod nor the writer reads it
        }

        var (reference, error) = await GoHashTool.CreateFromDirAsync(dir, M, V, _temp.File("reference.zip"));
        var refused = await Assert.ThrowsAsync<InvalidModuleDirectoryException>(() => WriteAsync(dir, M, V));

        Assert.Null(reference);
        Assert.Contains(rule, error, StringComparison.Ordinal);
        Assert.Contains(rule, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_go_mod_naming_another_module_is_refused_though_CreateFromDir_takes_it()
    {
        var dir = Tree(("go.mod", "module example.com/elsewhere\n"), ("a.go", "package a\n"));

        var (reference, _) = await GoHashTool.CreateFromDirAsync(dir, M, V, _temp.File("reference.zip"));
        var refused = await Assert.ThrowsAsync<InvalidModuleDirectoryException>(() => WriteAsync(dir, M, V));

        Assert.NotNull(reference); // x/mod does not read go.mod; the go command refuses such a version when it downloads it
        Assert.Equal([new ModuleFileNote("go.mod", $"go.mod declares module \"example.com/elsewhere\", not \"{M}\"")], refused.Problems);
    }

    [Theory]
    [InlineData("example.com/m/v2", "v1.0.0", "should be v2, not v1")]
    [InlineData("example.com/m", "v2.0.0", "should be v0 or v1, not v2")]
    [InlineData("example.com/m", "v1.0", "not canonical")]
    public async Task A_version_that_cannot_be_the_modules_is_refused_as_x_mod_does(string module, string version, string rule)
    {
        var dir = Tree(("go.mod", $"module {module}\n"));

        var (reference, error) = await GoHashTool.CreateFromDirAsync(dir, module, version, _temp.File("reference.zip"));
        var refused = await Assert.ThrowsAsync<InvalidModuleDirectoryException>(() => WriteAsync(dir, module, version));

        Assert.True(reference is null, $"x/mod took {module}@{version}");
        Assert.Contains(rule, error, StringComparison.Ordinal);
        Assert.Contains(rule, refused.Message, StringComparison.Ordinal);
    }

    private string Tree(params (string Path, string Content)[] files)
    {
        var root = Path.Combine(_temp.Path, "module");
        Directory.CreateDirectory(root);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        return root;
    }

    private async Task<(WrittenModuleZip Written, List<string> Entries)> WriteAsync(string dir, string module, string version, string name = "ours.zip")
    {
        var path = _temp.File(name);
        WrittenModuleZip written;
        await using (var output = File.Create(path))
        {
            written = await ModuleZipWriter.WriteAsync(ModuleDirectory.Read(dir), module, version, output);
        }

        return (written, Entries(path));
    }

    private async Task<(string Hash, List<string> Entries)> CreateFromDirAsync(string dir, string module, string version)
    {
        var path = _temp.File("reference.zip");
        var (hash, error) = await GoHashTool.CreateFromDirAsync(dir, module, version, path);
        Assert.True(hash is not null, $"x/mod's CreateFromDir refused the directory: {error}");
        return (hash, Entries(path));
    }

    private static List<string> Entries(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private static async Task MakeFifoAsync(string path) =>
        (await ProcessRunner.RunAsync("mkfifo", workDir: null, env: null, TimeSpan.FromSeconds(30), CancellationToken.None, path)).EnsureSuccess();
}
