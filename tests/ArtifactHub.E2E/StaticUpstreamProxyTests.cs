using System.Text;
using System.Text.Json;
using ArtifactHub.E2E.Infrastructure;
using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E;

/// <summary>A proxy repository whose upstream is a GOPROXY tree of plain files served by python3 -m http.server.</summary>
public sealed class StaticUpstreamProxyTests(HostedGoServerFixture server) : IClassFixture<HostedGoServerFixture>
{
    private const string Module = "example.com/Static/Tool";
    private static readonly string[] Versions = ["v1.0.0", "v1.1.0"];

    [Fact]
    public async Task Go_downloads_and_lists_a_module_through_a_proxy_of_a_static_file_tree()
    {
        using var tree = new TempDir("static-goproxy");
        var versionDir = Path.Combine(tree.Path, HostedGoServerFixture.GoEscape(Module), "@v");
        Directory.CreateDirectory(versionDir);
        var goMod = $"module {Module}\n\ngo 1.19\n";
        for (var i = 0; i < Versions.Length; i++)
        {
            var version = Versions[i];
            var info = JsonSerializer.Serialize(new { Version = version, Time = new DateTimeOffset(2024, 1, 2 + i, 3, 4, 5, TimeSpan.Zero) });
            await File.WriteAllTextAsync(Path.Combine(versionDir, $"{version}.info"), info);
            await File.WriteAllTextAsync(Path.Combine(versionDir, $"{version}.mod"), goMod);
            new ModuleZipBuilder(Module, version)
                .Add("go.mod", goMod)
                .Add("tool.go", $"// Package tool is served by a static file server.\npackage tool\n\n// Version is the release.\nconst Version = \"{version}\"\n")
                .WriteTo(Path.Combine(versionDir, $"{version}.zip"));
        }

        await File.WriteAllTextAsync(Path.Combine(versionDir, "list"), string.Join("\n", Versions) + "\n");
        var expectedSum = await GoHashTool.HashZipAsync(Path.Combine(versionDir, "v1.0.0.zip"));
        var expectedModSum = await GoHashTool.HashGoModAsync(Encoding.UTF8.GetBytes(goMod));

        await using var files = await StaticFileServer.StartAsync(tree.Path);
        var proxy = await server.CreateGoProxyAsync("static", files.BaseUrl);
        using var go = new GoSandbox(server, "static-upstream", () => proxy);
        var work = go.NewDir("work");

        var download = await go.RunAsync(work, "mod", "download", "-json", $"{Module}@v1.0.0");
        Assert.True(download.ExitCode == 0, go.Describe($"go mod download -json {Module}@v1.0.0", download) + $"\n--- static server log ---\n{files.Log}");
        using (var json = JsonDocument.Parse(download.StdOut))
        {
            Assert.Equal("v1.0.0", json.RootElement.GetProperty("Version").GetString());
            Assert.Equal(expectedSum, json.RootElement.GetProperty("Sum").GetString());
            Assert.Equal(expectedModSum, json.RootElement.GetProperty("GoModSum").GetString());
        }

        var list = await go.RunAsync(work, "list", "-m", "-versions", Module);
        Assert.True(list.ExitCode == 0, go.Describe($"go list -m -versions {Module}", list) + $"\n--- static server log ---\n{files.Log}");
        Assert.Equal($"{Module} {string.Join(' ', Versions)}", list.StdOut.Trim());
    }
}
