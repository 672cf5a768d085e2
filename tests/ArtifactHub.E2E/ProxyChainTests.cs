using System.Net;
using System.Text.Json;
using ArtifactHub.E2E.Infrastructure;
using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E;

/// <summary>The modules published to the upstream server A, and what a consumer of them prints.</summary>
public static class ChainModules
{
    public const string Lib = "example.com/Chain/Lib";
    public const string LibVersion = "v1.0.0";
    public const string Dep = "example.com/chain/app-dep/v2";
    public const string DepVersion = "v2.0.0";

    /// <summary>Never published anywhere: fetching it needs the upstream.</summary>
    public const string NeverFetched = "example.com/chain/never-fetched";

    public const string ExpectedOutput = "app-dep v2.0.0 says: hello from example.com/Chain/Lib v1.0.0";

    public static byte[] LibZip() => ModuleZipBuilder.Simple(
        Lib,
        LibVersion,
        null,
        ("lib.go", """
            // Package lib sits at a module path with upper-case letters.
            package lib

            // Greeting says where it comes from.
            func Greeting() string { return "hello from example.com/Chain/Lib v1.0.0" }
            """));

    public static byte[] DepZip() => ModuleZipBuilder.Simple(
        Dep,
        DepVersion,
        $"module {Dep}\n\ngo 1.19\n\nrequire {Lib} {LibVersion}\n",
        ("dep.go", """
            // Package dep is a /v2 module that depends on example.com/Chain/Lib.
            package dep

            import lib "example.com/Chain/Lib"

            // Message wraps the library's greeting.
            func Message() string { return "app-dep v2.0.0 says: " + lib.Greeting() }
            """));

    public const string ConsumerGoMod = "module example.com/chainapp\n\ngo 1.19\n";

    public const string ConsumerMain = """
        package main

        import (
            "fmt"

            dep "example.com/chain/app-dep/v2"
        )

        func main() {
            fmt.Println(dep.Message())
        }
        """;
}

/// <summary>What go did when it first went through B: the consumer's files and output, and go mod download -json.</summary>
public sealed record ChainRun(
    UploadResult Lib,
    UploadResult Dep,
    string GoMod,
    string GoSum,
    string Output,
    IReadOnlyDictionary<string, (string? Sum, string? GoModSum)> Downloads,
    IReadOnlyDictionary<string, byte[]> ZipsFromB);

/// <summary>B proxies A's go-hosted; go consumes A's modules through B (<see cref="UpstreamProxyFixture"/>).</summary>
public sealed class ProxyChainFixture : UpstreamProxyFixture
{
    private Task<ChainRun>? _run;

    /// <summary>Publishes to A and has go consume the modules through B, once per class whichever test asks first.</summary>
    public Task<ChainRun> EnsureConsumedThroughProxyAsync() => Once(ref _run, ConsumeAsync);

    private async Task<ChainRun> ConsumeAsync()
    {
        var lib = await Upstream.UploadAsync(ChainModules.Lib, ChainModules.LibVersion, ChainModules.LibZip());
        var dep = await Upstream.UploadAsync(ChainModules.Dep, ChainModules.DepVersion, ChainModules.DepZip());

        using var go = new GoSandbox(this, "chain-first", () => UpProxyUrl);
        var app = go.NewDir("app");
        await File.WriteAllTextAsync(Path.Combine(app, "go.mod"), ChainModules.ConsumerGoMod);
        await File.WriteAllTextAsync(Path.Combine(app, "main.go"), ChainModules.ConsumerMain);
        await go.RunOkAsync(app, "mod", "tidy");
        await go.RunOkAsync(app, "build", "-o", "app", ".");
        var output = await GoSandbox.RunBinaryAsync(Path.Combine(app, "app"));

        var downloads = new Dictionary<string, (string?, string?)>();
        foreach (var (module, version) in new[] { (lib.Module, lib.Version), (dep.Module, dep.Version) })
        {
            var result = await go.RunOkAsync(app, "mod", "download", "-json", $"{module}@{version}");
            using var json = JsonDocument.Parse(result.StdOut);
            downloads[module] = (json.RootElement.GetProperty("Sum").GetString(), json.RootElement.GetProperty("GoModSum").GetString());
        }

        var zips = new Dictionary<string, byte[]>();
        foreach (var (module, version) in new[] { (lib.Module, lib.Version), (dep.Module, dep.Version) })
        {
            zips[module] = await Http.GetByteArrayAsync($"{UpProxyUrl}/{GoEscape(module)}/@v/{GoEscape(version)}.zip");
        }

        return new ChainRun(
            lib,
            dep,
            await File.ReadAllTextAsync(Path.Combine(app, "go.mod")),
            await File.ReadAllTextAsync(Path.Combine(app, "go.sum")),
            output,
            downloads,
            zips);
    }
}

/// <summary>ArtifactHub B proxies ArtifactHub A; go talks to B only, first with A up, then with A gone.</summary>
public sealed class ProxyChainTests(ProxyChainFixture servers) : IClassFixture<ProxyChainFixture>
{
    [Fact]
    public async Task Go_builds_a_consumer_through_a_proxy_of_another_ArtifactHub_with_the_upstream_hashes()
    {
        var run = await servers.EnsureConsumedThroughProxyAsync();

        Assert.Equal(ChainModules.ExpectedOutput, run.Output.Trim());
        Assert.Contains($"{ChainModules.Dep} {ChainModules.DepVersion}", run.GoMod, StringComparison.Ordinal);
        Assert.Contains($"{ChainModules.Lib} {ChainModules.LibVersion} // indirect", run.GoMod, StringComparison.Ordinal);
        foreach (var upload in new[] { run.Lib, run.Dep })
        {
            var (sum, goModSum) = run.Downloads[upload.Module];
            Assert.Equal(upload.ZipHash, sum);
            Assert.Equal(upload.ModHash, goModSum);
            Assert.Contains($"{upload.Module} {upload.Version} {upload.ZipHash}", run.GoSum, StringComparison.Ordinal);
        }

        Assert.Equal(ChainModules.LibZip(), run.ZipsFromB[ChainModules.Lib]);
        Assert.Equal(ChainModules.DepZip(), run.ZipsFromB[ChainModules.Dep]);
    }

    [Fact]
    public async Task With_the_upstream_gone_the_cache_still_builds_serves_a_stale_list_and_fails_uncached_modules_with_502()
    {
        var run = await servers.EnsureConsumedThroughProxyAsync();
        await servers.StopUpstreamAsync();

        // A fresh module cache: every .mod and .zip comes from B's storage.
        using var go = new GoSandbox(servers, "chain-upstream-gone", () => servers.UpProxyUrl);
        var app = go.NewDir("app");
        await File.WriteAllTextAsync(Path.Combine(app, "go.mod"), run.GoMod);
        await File.WriteAllTextAsync(Path.Combine(app, "go.sum"), run.GoSum);
        await File.WriteAllTextAsync(Path.Combine(app, "main.go"), ChainModules.ConsumerMain);
        await go.RunOkAsync(app, "build", "-o", "app", ".");
        Assert.Equal(ChainModules.ExpectedOutput, (await GoSandbox.RunBinaryAsync(Path.Combine(app, "app"))).Trim());

        // The list is always refreshed (max age 0): the refresh fails, the old copy is served with a Warning.
        var listUrl = $"{servers.UpProxyUrl}/{HostedGoServerFixture.GoEscape(ChainModules.Dep)}/@v/list";
        using (var list = await servers.Http.GetAsync(listUrl))
        {
            var body = await list.Content.ReadAsStringAsync();
            Assert.True(list.StatusCode == HttpStatusCode.OK, $"GET {listUrl} answered {(int)list.StatusCode}, expected 200: {body}\n{servers.ServerLogTail()}");
            Assert.Equal($"{ChainModules.DepVersion}\n", body);
            var warning = list.Headers.NonValidated.TryGetValues("Warning", out var values) ? string.Join(", ", values) : "";
            Assert.True(warning.Contains("stale", StringComparison.OrdinalIgnoreCase), $"GET {listUrl}: Warning header is '{warning}', expected it to say stale");
            Assert.Contains(list.Headers.Warning, w => w.Code == 110); // RFC 7234 "Response is Stale", and well-formed enough for HttpClient to parse
        }

        // Nothing cached and nobody to ask: 502 with a message go passes on.
        var infoUrl = $"{servers.UpProxyUrl}/{ChainModules.NeverFetched}/@v/v1.0.0.info";
        string message;
        using (var info = await servers.Http.GetAsync(infoUrl))
        {
            message = (await info.Content.ReadAsStringAsync()).Trim();
            Assert.True(info.StatusCode == HttpStatusCode.BadGateway, $"GET {infoUrl} answered {(int)info.StatusCode}, expected 502: {message}");
            Assert.Contains("could not be reached", message, StringComparison.Ordinal);
        }

        var download = await go.RunAsync(app, "mod", "download", $"{ChainModules.NeverFetched}@v1.0.0");
        Assert.True(download.ExitCode != 0, go.Describe($"go mod download {ChainModules.NeverFetched}@v1.0.0 with A gone should fail but", download));
        Assert.Contains("502", download.StdErr, StringComparison.Ordinal);
        Assert.Contains(message, download.StdErr, StringComparison.Ordinal);
    }
}
