using ArtifactHub.TestSupport;

namespace ArtifactHub.Formats.Go.Tests;

/// <summary>Valid module zips of several shapes, shared by the hash and validator tests.</summary>
public static class SampleZips
{
    public sealed record Sample(string Module, string Version, Func<byte[]> Build);

    public static readonly IReadOnlyDictionary<string, Sample> All = new Dictionary<string, Sample>
    {
        ["simple"] = new("example.com/m", "v1.0.0", () => ModuleZipBuilder.Simple("example.com/m", "v1.0.0", null, ("m.go", "package m\n"))),
        ["no go.mod"] = new("example.com/m", "v1.0.0", () => ModuleZipBuilder.Simple("example.com/m", "v1.0.0", "", ("m.go", "package m\n"), ("LICENSE", "MIT\n"))),
        ["non-ASCII and mixed-case names"] = new("github.com/Azure/azure-sdk", "v1.2.3-RC.1", () => ModuleZipBuilder.Simple(
            "github.com/Azure/azure-sdk",
            "v1.2.3-RC.1",
            null,
            ("Ünïcödé.go", "package m // ü\n"),
            ("README.md", "# Read me\n"),
            ("readme_lower.md", "lower\n"),
            ("Zeta.go", "package m\n"),
            ("alpha.go", "package m\n"),
            ("日本語/ファイル.go", "package 日本語\n"),
            ("ｚ.txt", "fullwidth z: U+FF5A, above the surrogates in UTF-16 but below them in UTF-8\n"),
            ("𝒜.txt", "U+1D49C: a surrogate pair in UTF-16, four bytes in UTF-8\n"),
            ("dir with space/file name.txt", "spaces\n"))),
        ["directory entries"] = new("example.com/m", "v1.0.0", () => new ModuleZipBuilder("example.com/m", "v1.0.0")
            .AddRaw("example.com/m@v1.0.0/", [])
            .Add("go.mod", "module example.com/m\n")
            .AddRaw("example.com/m@v1.0.0/sub/", [])
            .AddRaw("example.com/m@v1.0.0/sub/deeper/", [])
            .Add("sub/deeper/x.go", "package deeper\n")
            .Add("sub/y.go", "package sub\n")
            .Build()),
        ["empty and binary files"] = new("example.com/m/v2", "v2.0.0", () => new ModuleZipBuilder("example.com/m/v2", "v2.0.0")
            .Add("go.mod", "module example.com/m/v2\n")
            .Add("empty.txt", [])
            .Add("testdata/blob.bin", Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31 % 251)).ToArray())
            .Add("vendor/modules.txt", "# vendor/modules.txt is not a vendored package\n")
            .Build()),
        ["+incompatible"] = new("example.com/old", "v3.1.0+incompatible", () => ModuleZipBuilder.Simple("example.com/old", "v3.1.0+incompatible", "", ("old.go", "package old\n"))),
        ["pseudo-version"] = new("example.com/m", "v0.0.0-20200102030405-abcdefabcdef", () => ModuleZipBuilder.Simple("example.com/m", "v0.0.0-20200102030405-abcdefabcdef")),
    };

    public static TheoryData<string> Names() => new(All.Keys);
}
