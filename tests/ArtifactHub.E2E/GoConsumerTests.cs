using System.Text.Json;
using ArtifactHub.E2E.Infrastructure;
using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E;

/// <summary>The modules this class publishes, and what a consumer of them prints.</summary>
public static class SampleModules
{
    public const string Lib = "example.com/Org/Lib";
    public const string LibVersion = "v1.0.0";
    public const string Util = "example.com/util/v2";
    public const string UtilOld = "v2.0.0";
    public const string UtilLatest = "v2.1.0";

    public const string ExpectedConsumerOutput = "util v2.1.0 says: hello from example.com/Org/Lib v1.0.0";

    public static byte[] LibZip() => ModuleZipBuilder.Simple(
        Lib,
        LibVersion,
        null,
        ("lib.go", """
            // Package lib sits at a module path with upper-case letters.
            package lib

            // Greeting says where it comes from.
            func Greeting() string { return "hello from example.com/Org/Lib v1.0.0" }
            """));

    public static byte[] UtilLatestZip() => ModuleZipBuilder.Simple(
        Util,
        UtilLatest,
        $"module {Util}\n\ngo 1.19\n\nrequire {Lib} {LibVersion}\n",
        ("util.go", """
            // Package util is a /v2 module that depends on example.com/Org/Lib.
            package util

            import lib "example.com/Org/Lib"

            // Message wraps the library's greeting.
            func Message() string { return "util v2.1.0 says: " + lib.Greeting() }
            """));

    public static byte[] UtilOldZip() => ModuleZipBuilder.Simple(
        Util,
        UtilOld,
        null,
        ("util.go", """
            // Package util, the older v2 release without dependencies.
            package util

            // Message names the version.
            func Message() string { return "util v2.0.0" }
            """));

    public const string ConsumerGoMod = "module example.com/app\n\ngo 1.19\n";

    public const string ConsumerMain = """
        package main

        import (
            "fmt"

            util "example.com/util/v2"
        )

        func main() {
            fmt.Println(util.Message())
        }
        """;
}

public sealed record PublishedModules(UploadResult Lib, UploadResult UtilOld, UploadResult UtilLatest);

/// <summary>A server on which the sample modules get published once, through the upload API.</summary>
public sealed class PublishedModulesFixture : HostedGoServerFixture
{
    private readonly Lock _gate = new();
    private Task<PublishedModules>? _published;

    public Task<PublishedModules> EnsurePublishedAsync()
    {
        lock (_gate)
        {
            return _published ??= PublishAsync();
        }
    }

    private async Task<PublishedModules> PublishAsync()
    {
        var lib = await UploadAsync(SampleModules.Lib, SampleModules.LibVersion, SampleModules.LibZip());
        var latest = await UploadAsync(SampleModules.Util, SampleModules.UtilLatest, SampleModules.UtilLatestZip());
        var old = await UploadAsync(SampleModules.Util, SampleModules.UtilOld, SampleModules.UtilOldZip());
        return new PublishedModules(lib, old, latest);
    }
}

/// <summary>What a Go developer sees when the hosted repository is their GOPROXY.</summary>
public sealed class GoConsumerTests(PublishedModulesFixture server) : IClassFixture<PublishedModulesFixture>
{
    [Fact]
    public async Task Go_build_of_a_consumer_resolves_the_latest_v2_release_and_its_upper_case_dependency()
    {
        await server.EnsurePublishedAsync();
        using var go = new GoSandbox(server, "build");

        var (_, goMod, output) = await BuildAndRunConsumerAsync(go);

        Assert.Equal(SampleModules.ExpectedConsumerOutput, output.Trim());
        Assert.Contains($"{SampleModules.Util} {SampleModules.UtilLatest}", goMod, StringComparison.Ordinal);
        Assert.DoesNotContain($"{SampleModules.Util} {SampleModules.UtilOld}", goMod, StringComparison.Ordinal);
        Assert.Contains($"{SampleModules.Lib} {SampleModules.LibVersion} // indirect", goMod, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Go_mod_download_checksums_match_the_hashes_the_upload_answered()
    {
        var published = await server.EnsurePublishedAsync();
        using var go = new GoSandbox(server, "download");
        var work = go.NewDir("work");

        foreach (var upload in new[] { published.Lib, published.UtilLatest })
        {
            var result = await go.RunOkAsync(work, "mod", "download", "-json", $"{upload.Module}@{upload.Version}");
            using var json = JsonDocument.Parse(result.StdOut);
            var root = json.RootElement;
            Assert.Equal(upload.Version, root.GetProperty("Version").GetString());
            Assert.Equal(upload.ZipHash, root.GetProperty("Sum").GetString());
            Assert.Equal(upload.ModHash, root.GetProperty("GoModSum").GetString());
        }
    }

    [Fact]
    public async Task Go_list_shows_every_published_version_in_order()
    {
        await server.EnsurePublishedAsync();
        using var go = new GoSandbox(server, "list");
        var work = go.NewDir("work");

        var result = await go.RunOkAsync(work, "list", "-m", "-versions", SampleModules.Util);

        Assert.Equal($"{SampleModules.Util} v2.0.0 v2.1.0", result.StdOut.Trim());
    }

    [Fact]
    public async Task Published_modules_still_build_after_the_server_restarts()
    {
        var published = await server.EnsurePublishedAsync();
        await server.RestartAsync();
        using var go = new GoSandbox(server, "restart");

        var (app, goMod, output) = await BuildAndRunConsumerAsync(go);

        Assert.Equal(SampleModules.ExpectedConsumerOutput, output.Trim());
        Assert.Contains($"{SampleModules.Util} {SampleModules.UtilLatest}", goMod, StringComparison.Ordinal);
        var sums = await File.ReadAllTextAsync(Path.Combine(app, "go.sum"));
        Assert.Contains($"{SampleModules.Util} {SampleModules.UtilLatest} {published.UtilLatest.ZipHash}", sums, StringComparison.Ordinal);
        Assert.Contains($"{SampleModules.Lib} {SampleModules.LibVersion}/go.mod {published.Lib.ModHash}", sums, StringComparison.Ordinal);
    }

    /// <summary>Writes the consumer module, runs go mod tidy and go build, runs the binary; returns the folder, go.mod and the output.</summary>
    private static async Task<(string App, string GoMod, string Output)> BuildAndRunConsumerAsync(GoSandbox go)
    {
        var app = go.NewDir("app");
        await File.WriteAllTextAsync(Path.Combine(app, "go.mod"), SampleModules.ConsumerGoMod);
        await File.WriteAllTextAsync(Path.Combine(app, "main.go"), SampleModules.ConsumerMain);

        await go.RunOkAsync(app, "mod", "tidy");
        await go.RunOkAsync(app, "build", "-o", "app", ".");

        var goMod = await File.ReadAllTextAsync(Path.Combine(app, "go.mod"));
        var output = await GoSandbox.RunBinaryAsync(Path.Combine(app, "app"));
        return (app, goMod, output);
    }
}
