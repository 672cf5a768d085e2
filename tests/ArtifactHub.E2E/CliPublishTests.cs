using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.E2E.Infrastructure;
using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E;

/// <summary>
/// A module published from its source directory by the <c>artifacthub</c> command (a process, with the server and an API
/// token from the environment), then built against by the real go command as the README sets it up.
/// </summary>
public sealed class CliPublishTests(HostedGoServerFixture server) : IClassFixture<HostedGoServerFixture>, IDisposable
{
    private const string Module = "example.com/Cli/Greeting"; // upper case: the command must case-encode the URL
    private const string Version = "v1.0.0";

    private readonly TempDir _temp = new("cli-e2e");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_module_published_from_a_directory_by_the_command_builds_with_go()
    {
        var source = WriteSource(_temp.Sub("greeting"));
        var reference = await GoHashTool.CreateFromDirAsync(source, Module, Version, Path.Combine(_temp.Path, "reference.zip"));
        Assert.True(reference.Hash is not null, reference.Error);

        var published = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["ARTIFACTHUB_URL"] = server.Server.Root.ToString(), ["ARTIFACTHUB_TOKEN"] = await CreateTokenAsync() },
            "go", "publish", source, "--repository", HostedGoServerFixture.Repository, "--version", Version);
        Assert.True(published.ExitCode == 0, $"artifacthub exited {published.ExitCode}\n{published.StdOut}\n{published.StdErr}\n{server.ServerLogTail()}");
        Assert.Contains($"{Module} {Version} {reference.Hash}\n", published.StdOut, StringComparison.Ordinal);

        // As the README: GOPROXY to the repository, GONOSUMDB for the private paths (the public checksum database is
        // never asked about them, and cannot be reached from here), GOFLAGS=-mod=mod.
        using var go = new GoSandbox(server, "cli-e2e", env: new Dictionary<string, string>
        {
            ["GOSUMDB"] = "sum.golang.org",
            ["GONOSUMDB"] = "example.com",
        });
        var app = go.NewDir("app");
        await File.WriteAllTextAsync(Path.Combine(app, "go.mod"), "module example.com/app\n\ngo 1.19\n");
        await File.WriteAllTextAsync(Path.Combine(app, "main.go"), $$"""
            package main

            import (
                "fmt"

                greeting "{{Module}}"
            )

            func main() { fmt.Println(greeting.Hello("gopher")) }
            """);
        await go.RunOkAsync(app, "mod", "tidy");
        await go.RunOkAsync(app, "build", "-o", "app", ".");

        Assert.Equal("hello, gopher, from a directory", (await GoSandbox.RunBinaryAsync(Path.Combine(app, "app"))).Trim());
        var download = JsonDocument.Parse((await go.RunOkAsync(app, "mod", "download", "-json", $"{Module}@{Version}")).StdOut).RootElement;
        Assert.Equal(reference.Hash, download.GetProperty("Sum").GetString());
        Assert.Contains($"{Module} {Version}/go.mod {download.GetProperty("GoModSum").GetString()}\n", published.StdOut, StringComparison.Ordinal);
        // The go command unpacked what CreateFromDir would have zipped: no .git, vendored package, nested module or link.
        var unpacked = download.GetProperty("Dir").GetString()!;
        Assert.Equal(
            ["go.mod", "greeting.go", "internal/words/words.go", "vendor/modules.txt"],
            Directory.EnumerateFiles(unpacked, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(unpacked, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
    }

    private static string WriteSource(string dir)
    {
        foreach (var (path, content) in new[]
        {
            ("go.mod", $"module {Module}\n\ngo 1.19\n"),
            ("greeting.go", $"package greeting\n\nimport \"{Module}/internal/words\"\n\n// Hello greets.\nfunc Hello(name string) string {{ return words.Hello + \", \" + name + \", from a directory\" }}\n"),
            ("internal/words/words.go", "package words\n\n// Hello is the word.\nconst Hello = \"hello\"\n"),
            (".git/HEAD", "ref: refs/heads/main\n"),
            ("vendor/modules.txt", "# nothing vendored\n"),
            ("vendor/example.com/dep/dep.go", "package dep\n\nthis is not Go and must never be compiled\n"),
            ("examples/go.mod", "module example.com/Cli/Greeting/examples\n"),
            ("examples/main.go", "package main\n"),
        })
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        File.CreateSymbolicLink(Path.Combine(dir, "alias.go"), "greeting.go");
        return dir;
    }

    private async Task<string> CreateTokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Server.Root, "api/v1/security/tokens")) { Content = JsonContent.Create(new { name = "cli" }) };
        request.Headers.Authorization = server.AdminAuth;
        using var response = await server.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating a token answered {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
