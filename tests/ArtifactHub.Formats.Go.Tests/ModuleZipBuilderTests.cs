using System.IO.Compression;
using System.Text;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Formats.Go.Tests;

/// <summary>The test helper itself: what these tests rely on it doing.</summary>
public sealed class ModuleZipBuilderTests
{
    [Fact]
    public void Simple_writes_a_default_go_mod_and_the_files_under_the_prefix()
    {
        var entries = Read(ModuleZipBuilder.Simple("example.com/m", "v1.0.0", null, ("a.go", "package a\n")));
        Assert.Equal(["example.com/m@v1.0.0/go.mod", "example.com/m@v1.0.0/a.go"], entries.Keys);
        Assert.Equal("module example.com/m\n\ngo 1.19\n", entries["example.com/m@v1.0.0/go.mod"]);
    }

    [Fact]
    public void Simple_with_an_empty_go_mod_writes_none() =>
        Assert.Equal(["example.com/m@v1.0.0/a.go"], Read(ModuleZipBuilder.Simple("example.com/m", "v1.0.0", "", ("a.go", "x"))).Keys);

    [Fact]
    public void Build_is_deterministic() =>
        Assert.Equal(ModuleZipBuilder.Simple("example.com/m", "v1.0.0"), ModuleZipBuilder.Simple("example.com/m", "v1.0.0"));

    [Fact]
    public void AddRaw_keeps_the_name_and_sets_the_unix_mode()
    {
        var bytes = new ModuleZipBuilder("example.com/m", "v1.0.0").AddRaw("x\\y", [1], 0xA1FF).Build();
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var entry = Assert.Single(zip.Entries);
        Assert.Equal("x\\y", entry.FullName);
        Assert.Equal(0xA1FF, (entry.ExternalAttributes >> 16) & 0xFFFF);
        Assert.Equal(ModuleZipBuilder.FixedTime.DateTime, entry.LastWriteTime.DateTime); // DOS time: a clock reading, no zone
    }

    private static Dictionary<string, string> Read(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }
}
