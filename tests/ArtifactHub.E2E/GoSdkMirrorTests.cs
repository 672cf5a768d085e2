using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArtifactHub.E2E.Infrastructure;
using ArtifactHub.TestSupport;
using Xunit.Abstractions;

namespace ArtifactHub.E2E;

/// <summary>
/// A static tree shaped like https://dl.google.com/go/ (<c>go/</c> of python's http.server) with a fake Go SDK, and the
/// raw proxy <c>go-dl</c> of it created by README.md's own command (its upstream URL the one thing changed). The tree
/// holds <see cref="GoodVersion"/>, whose tarball matches its .sha256, and <see cref="TamperedVersion"/>, whose tarball
/// was replaced after its .sha256 was written. The same files are also at <c>repository/go-dl/</c> of the static
/// server, so that the README's install block can be pointed at them without ArtifactHub in between.
/// </summary>
public sealed class GoSdkMirrorFixture : HostedGoServerFixture
{
    public const string Heading = "### Mirroring the Go SDK for a network without internet";
    public const string GoodVersion = "1.99.1";
    public const string TamperedVersion = "1.99.2";
    public const string GoDl = "go-dl";

    private readonly TempDir _tree = new("go-dl-tree");
    private StaticFileServer? _files;

    public StaticFileServer Files => _files ?? throw new InvalidOperationException("not started");

    /// <summary>The folder served as the upstream's <c>go/</c>.</summary>
    public string GoDir => Path.Combine(_tree.Path, "go");

    /// <summary>The server's base URL as the README's <c>AH</c>: no trailing slash.</summary>
    public string Ah => Server.Root.ToString().TrimEnd('/');

    public static string Tarball(string version) => $"go{version}.linux-amd64.tar.gz";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(GoDir);
        Directory.CreateDirectory(Path.Combine(_tree.Path, "repository"));
        Directory.CreateSymbolicLink(Path.Combine(_tree.Path, "repository", GoDl), GoDir);
        WriteSdk(GoodVersion, $"go version go{GoodVersion} linux/amd64");
        WriteSdk(TamperedVersion, $"go version go{TamperedVersion} linux/amd64");
        WriteSdk(TamperedVersion, "tampered with", writeSha256: false); // after its .sha256 was written
        _files = await StaticFileServer.StartAsync(_tree.Path);

        // README's command as written, but for the upstream: this test has no dl.google.com.
        const string upstream = "https://dl.google.com/go/";
        var create = ReadmeSection.CodeBlock(Heading, "/api/v1/repositories");
        Assert.Contains(upstream, create, StringComparison.Ordinal);
        var created = await RawRepositories.RunAsync("bash", _tree.Path, TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["AH"] = Ah, ["PW"] = AdminPassword }, "-c", create.Replace(upstream, Files.BaseUrl + "go/", StringComparison.Ordinal));
        Assert.True(created.ExitCode == 0 && created.StdOut.Contains("\"name\":\"go-dl\"", StringComparison.Ordinal),
            $"README's command that creates go-dl: {RawRepositories.Describe(created)}\n{ServerLogTail()}");
    }

    public override async Task DisposeAsync()
    {
        if (_files is not null)
        {
            await _files.DisposeAsync();
        }

        await base.DisposeAsync();
        _tree.Dispose();
    }

    public Task<string> Sha256HexAsync(string fileName) => RawRepositories.Sha256Async(Path.Combine(GoDir, fileName));

    /// <summary>
    /// A Go SDK tarball as dl.google.com has them, in miniature: <c>go/VERSION</c> and <c>go/bin/go</c>, a script that
    /// prints <paramref name="versionLine"/>; and its .sha256, the hex digest alone.
    /// </summary>
    private void WriteSdk(string version, string versionLine, bool writeSha256 = true)
    {
        var tarball = Path.Combine(GoDir, Tarball(version));
        using (var file = File.Create(tarball))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar))
        {
            var time = new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero);
            const UnixFileMode dir = (UnixFileMode)0b111_101_101; // 0755
            tar.WriteEntry(new UstarTarEntry(TarEntryType.Directory, "go/") { Mode = dir, ModificationTime = time });
            tar.WriteEntry(new UstarTarEntry(TarEntryType.Directory, "go/bin/") { Mode = dir, ModificationTime = time });
            tar.WriteEntry(Entry("go/VERSION", $"go{version}\ntime 2026-11-03T12:00:00Z\n", (UnixFileMode)0b110_100_100, time));
            tar.WriteEntry(Entry("go/bin/go", $"#!/bin/sh\necho '{versionLine}'\n", dir, time));
        }

        if (writeSha256)
        {
            using var stream = File.OpenRead(tarball);
            File.WriteAllText(tarball + ".sha256", Convert.ToHexStringLower(SHA256.HashData(stream)));
        }
    }

    private static UstarTarEntry Entry(string name, string text, UnixFileMode mode, DateTimeOffset time) =>
        new(TarEntryType.RegularFile, name) { Mode = mode, ModificationTime = time, DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
}

/// <summary>
/// The Go SDK through a raw proxy with <c>verifySidecar: ".sha256"</c>, by HTTP and by README.md's install block run as
/// written (only its variables set: AH, GO_VERSION, DEST in a temp folder, SUDO empty).
/// </summary>
public sealed class GoSdkMirrorTests(GoSdkMirrorFixture server, ITestOutputHelper output) : IClassFixture<GoSdkMirrorFixture>
{
    private static readonly string Good = GoSdkMirrorFixture.Tarball(GoSdkMirrorFixture.GoodVersion);
    private static readonly string Tampered = GoSdkMirrorFixture.Tarball(GoSdkMirrorFixture.TamperedVersion);

    private string Url(string fileName) => $"{server.ProxyUrl(GoSdkMirrorFixture.GoDl)}/{fileName}";

    [Fact]
    public async Task The_tarball_comes_through_go_dl_as_upstream_has_it_and_is_kept()
    {
        using var response = await server.Http.GetAsync(Url(Good));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {Good} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}\n{server.ServerLogTail()}");
        Assert.Equal(await server.Sha256HexAsync(Good), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal("application/gzip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal); // kept forever

        var (status, sidecar) = await server.GetAsync(new Uri(Url(Good + ".sha256")));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(await server.Sha256HexAsync(Good), sidecar);

        var tree = await TreeAsync();
        Assert.Contains(tree, e => e.Name == Good && e.Sha256 == Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task A_tampered_tarball_is_refused_with_a_502_naming_the_mismatch_and_nothing_is_kept()
    {
        var asked = server.Files.Requests("/go/" + Tampered);
        var actual = await server.Sha256HexAsync(Tampered);
        var published = await File.ReadAllTextAsync(Path.Combine(server.GoDir, Tampered + ".sha256"));
        Assert.NotEqual(published, actual);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var (status, body) = await server.GetAsync(new Uri(Url(Tampered)));
            Assert.True(status == HttpStatusCode.BadGateway, $"GET {Tampered} (attempt {attempt}) answered {(int)status}, expected 502: {body}");
            output.WriteLine($"GET {Tampered} (attempt {attempt}): {(int)status} {body}");
            Assert.Contains(Tampered, body, StringComparison.Ordinal);
            Assert.Contains(actual, body, StringComparison.Ordinal);
            Assert.Contains(published, body, StringComparison.Ordinal);
            Assert.Contains(".sha256", body, StringComparison.Ordinal);

            // Nothing kept: each request asks upstream again.
            Assert.True(server.Files.Requests("/go/" + Tampered) == asked + attempt, $"upstream asked {server.Files.Requests("/go/" + Tampered) - asked} times after {attempt} requests:\n{server.Files.Log}");
        }

        Assert.DoesNotContain(await TreeAsync(), e => e.Name == Tampered);
    }

    [Fact]
    public async Task The_README_install_block_installs_the_Go_SDK_from_go_dl()
    {
        using var dest = new TempDir("go-install");
        var run = await RunInstallBlockAsync(GoSdkMirrorFixture.GoodVersion, dest.Path);

        Assert.True(run.ExitCode == 0, $"README's install block: {RawRepositories.Describe(run)}\n{server.ServerLogTail()}");
        output.WriteLine(RawRepositories.Describe(run));
        Assert.Contains($"{Good}: OK", run.StdOut, StringComparison.Ordinal);
        Assert.Contains($"go version go{GoSdkMirrorFixture.GoodVersion} linux/amd64", run.StdOut, StringComparison.Ordinal);

        var go = await ProcessRunner.RunAsync(Path.Combine(dest.Path, "go", "bin", "go"), dest.Path, null, TimeSpan.FromSeconds(30), CancellationToken.None, "version");
        Assert.Equal($"go version go{GoSdkMirrorFixture.GoodVersion} linux/amd64\n", go.StdOut);
        Assert.StartsWith($"go{GoSdkMirrorFixture.GoodVersion}\n", await File.ReadAllTextAsync(Path.Combine(dest.Path, "go", "VERSION")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_README_install_block_fails_on_a_tampered_tarball_and_installs_nothing()
    {
        using var dest = new TempDir("go-install-tampered");
        var run = await RunInstallBlockAsync(GoSdkMirrorFixture.TamperedVersion, dest.Path);

        Assert.True(run.ExitCode != 0, $"README's install block succeeded with a tampered tarball: {RawRepositories.Describe(run)}");
        output.WriteLine(RawRepositories.Describe(run));
        Assert.Contains("502", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dest.Path));
    }

    [Fact]
    public async Task The_README_install_block_itself_refuses_a_tarball_that_does_not_match_its_sha256()
    {
        // Straight from the static server, without ArtifactHub's check: sha256sum -c must stop it.
        using var dest = new TempDir("go-install-unchecked");
        var run = await RunInstallBlockAsync(GoSdkMirrorFixture.TamperedVersion, dest.Path, ah: server.Files.BaseUrl.TrimEnd('/'));
        output.WriteLine(RawRepositories.Describe(run));

        Assert.True(run.ExitCode != 0, $"README's install block succeeded with a tarball that does not match its .sha256: {RawRepositories.Describe(run)}");
        Assert.Contains($"{Tampered}: FAILED", run.StdOut, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dest.Path));
    }

    /// <summary>README's install block, run by bash exactly as written, with only its variables set from outside.</summary>
    private async Task<GoResult> RunInstallBlockAsync(string version, string dest, string? ah = null)
    {
        var block = ReadmeSection.CodeBlock(GoSdkMirrorFixture.Heading, "sha256sum -c");
        using var work = new TempDir("go-install-cwd");
        return await RawRepositories.RunAsync("bash", work.Path, TimeSpan.FromMinutes(2), new Dictionary<string, string>
        {
            ["AH"] = ah ?? server.Ah,
            ["GO_VERSION"] = version,
            ["DEST"] = dest,
            ["SUDO"] = "",
        }, "-c", block);
    }

    private sealed record TreeEntry(string Name, string Type, string? Sha256);

    /// <summary>The top directory of go-dl as the browse API lists it.</summary>
    private async Task<List<TreeEntry>> TreeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Server.Root, $"api/v1/repositories/{GoSdkMirrorFixture.GoDl}/tree"));
        request.Headers.Authorization = server.AdminAuth;
        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET tree/ answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => new TreeEntry(e.GetProperty("name").GetString()!, e.GetProperty("type").GetString()!, e.TryGetProperty("sha256", out var sha) ? sha.GetString() : null))];
    }
}
