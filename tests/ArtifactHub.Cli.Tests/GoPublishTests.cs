using System.IO.Compression;
using System.Text.Json;

namespace ArtifactHub.Cli.Tests;

/// <summary>
/// <c>artifacthub go publish</c> run as a process against a real server, with the server and token from the environment.
/// </summary>
public sealed class GoPublishTests(CliServerFixture server) : IClassFixture<CliServerFixture>, IDisposable
{
    private readonly TempDir _temp = new("cli-publish");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Publish_uploads_the_zip_CreateFromDir_makes_and_prints_the_module_its_go_sum_lines_and_size()
    {
        const string module = "example.com/cli/hello";
        var dir = ModuleSource.Write(_temp.Sub("hello"), module, ("hello.go", "package hello\n\nfunc Hello() string { return \"hi\" }\n"), ("README.md", "# hello\n"));
        var (referenceHash, referenceEntries) = await ReferenceAsync(dir, module, "v1.0.0");

        var result = await CliProcess.RunAsync(server.Environment, "go", "publish", dir, "--repository", CliServerFixture.Repository, "--version", "v1.0.0");

        Assert.True(result.ExitCode == 0, Describe(result));
        var stored = await server.DownloadZipAsync(module, "v1.0.0");
        Assert.Equal(referenceEntries, Entries(stored));
        var lines = result.StdOut.TrimEnd().Split('\n');
        Assert.Matches($@"^published {module}@v1\.0\.0 to go-hosted: {stored.Length} bytes, 4 files, at \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", lines[0]);
        Assert.Equal($"{module} v1.0.0 {referenceHash}", lines[1]);
        Assert.StartsWith($"{module} v1.0.0/go.mod h1:", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        // What was left out, and why, goes to stderr with the steps.
        Assert.Contains(".git: version control directory", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("tools: another module", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("link.go: symbolic link", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("uploading", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_the_same_directory_again_says_it_is_there_already()
    {
        var dir = ModuleSource.Write(_temp.Sub("again"), "example.com/cli/again", ("a.go", "package again\n"));
        var first = await PublishAsync(dir, "v1.0.0");
        Assert.True(first.ExitCode == 0, Describe(first));

        var second = await PublishAsync(dir, "v1.0.0");

        Assert.True(second.ExitCode == 0, Describe(second));
        Assert.StartsWith("example.com/cli/again@v1.0.0 was already in go-hosted with these same bytes", second.StdOut, StringComparison.Ordinal);
        Assert.Equal(first.StdOut.Split('\n')[1], second.StdOut.Split('\n')[1]);
    }

    [Fact]
    public async Task Other_bytes_under_a_published_version_exit_1_with_the_servers_409_reason()
    {
        var dir = ModuleSource.Write(_temp.Sub("conflict"), "example.com/cli/conflict", ("a.go", "package conflict\n"));
        Assert.Equal(0, (await PublishAsync(dir, "v1.0.0")).ExitCode);
        await File.AppendAllTextAsync(Path.Combine(dir, "a.go"), "\n// changed\n");

        var result = await PublishAsync(dir, "v1.0.0");

        Assert.True(result.ExitCode == 1, Describe(result));
        Assert.Contains(
            "error: go-hosted refused example.com/cli/conflict@v1.0.0: example.com/cli/conflict@v1.0.0 already exists with different content; "
            + "versions are immutable, publish a new version (HTTP 409 Conflict)",
            result.StdErr,
            StringComparison.Ordinal);
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public async Task A_wrong_token_exits_1_with_the_servers_401_reason()
    {
        var dir = ModuleSource.Write(_temp.Sub("token"), "example.com/cli/token", ("a.go", "package token\n"));

        var result = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["ARTIFACTHUB_URL"] = server.Url, ["ARTIFACTHUB_TOKEN"] = "ah_not-a-token" },
            "go", "publish", dir, "-r", CliServerFixture.Repository, "--version", "v1.0.0");

        Assert.True(result.ExitCode == 1, Describe(result));
        Assert.Matches(@"error: go-hosted refused example\.com/cli/token@v1\.0\.0: .*token.* \(HTTP 401 Unauthorized\)", result.StdErr);
        Assert.DoesNotContain("ah_not-a-token", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_401_says_how_to_give_one()
    {
        var dir = ModuleSource.Write(_temp.Sub("anonymous"), "example.com/cli/anonymous", ("a.go", "package anonymous\n"));

        var result = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["ARTIFACTHUB_URL"] = server.Url }, "go", "publish", dir, "-r", CliServerFixture.Repository, "--version", "v1.0.0");

        Assert.True(result.ExitCode == 1, Describe(result));
        Assert.Contains("authentication required", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("(HTTP 401 Unauthorized)\n(no token was given: set ARTIFACTHUB_TOKEN or pass --token)", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_json_stdout_is_the_published_module_as_json_and_nothing_else()
    {
        const string module = "example.com/cli/json";
        var dir = ModuleSource.Write(_temp.Sub("json"), module, ("a.go", "package json\n"));
        var (referenceHash, referenceEntries) = await ReferenceAsync(dir, module, "v0.3.0");

        // --server and --token on the command line this time, after the command's own options.
        var result = await CliProcess.RunAsync(
            new Dictionary<string, string>(), "go", "publish", dir, "-r", CliServerFixture.Repository, "--version", "v0.3.0", "--json", "--server", server.Url, "--token", server.Token);

        Assert.True(result.ExitCode == 0, Describe(result));
        Assert.Equal("", result.StdErr);
        var json = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.Equal(module, json.GetProperty("module").GetString());
        Assert.Equal("v0.3.0", json.GetProperty("version").GetString());
        Assert.Equal(referenceHash, json.GetProperty("zipHash").GetString());
        Assert.StartsWith("h1:", json.GetProperty("modHash").GetString(), StringComparison.Ordinal);
        Assert.Equal((await server.DownloadZipAsync(module, "v0.3.0")).Length, json.GetProperty("size").GetInt64());
        Assert.True(json.GetProperty("created").GetBoolean());
        Assert.Equal("go-hosted", json.GetProperty("repository").GetString());
        Assert.True(DateTimeOffset.TryParse(json.GetProperty("time").GetString(), out _));
        Assert.Equal(referenceEntries, json.GetProperty("files").EnumerateArray().Select(f => $"{module}@v0.3.0/{f.GetString()}"));
    }

    [Fact]
    public async Task A_go_mod_for_another_module_exits_1_and_uploads_nothing()
    {
        var dir = ModuleSource.Write(_temp.Sub("other"), "example.com/cli/declared", ("a.go", "package a\n"));

        var result = await PublishAsync(dir, "v1.0.0", "--module", "example.com/cli/asked");

        Assert.True(result.ExitCode == 1, Describe(result));
        Assert.Contains("go.mod: go.mod declares module \"example.com/cli/declared\", not \"example.com/cli/asked\"", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("uploading", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_go_refuses_exits_1_naming_the_file_and_the_rule()
    {
        var dir = ModuleSource.Write(_temp.Sub("invalid"), "example.com/cli/invalid", ("a.go", "package a\n"), ("notes/What?.txt", "?\n"), ("README", "a"), ("readme", "b"));

        var result = await PublishAsync(dir, "v1.0.0");

        Assert.True(result.ExitCode == 1, Describe(result));
        Assert.Contains("2 files break its rules", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("notes/What?.txt: malformed file path \"notes/What?.txt\": invalid char '?'", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("readme: case-insensitive file name collision: \"README\" and \"readme\"", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_exits_1()
    {
        var dir = ModuleSource.Write(_temp.Sub("unreachable"), "example.com/cli/unreachable", ("a.go", "package a\n"));

        var result = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["ARTIFACTHUB_URL"] = $"http://127.0.0.1:{LoopbackPort.Free()}" }, "go", "publish", dir, "-r", "go-hosted", "--version", "v1.0.0");

        Assert.True(result.ExitCode == 1, Describe(result));
        Assert.Contains("error: could not upload to http://127.0.0.1:", result.StdErr, StringComparison.Ordinal);
    }

    private Task<GoResult> PublishAsync(string dir, string version, params string[] more) =>
        CliProcess.RunAsync(server.Environment, ["go", "publish", dir, "--repository", CliServerFixture.Repository, "--version", version, .. more]);

    private async Task<(string Hash, List<string> Entries)> ReferenceAsync(string dir, string module, string version)
    {
        var zip = Path.Combine(_temp.Path, $"reference-{Guid.NewGuid():N}.zip");
        var (hash, error) = await GoHashTool.CreateFromDirAsync(dir, module, version, zip);
        Assert.True(hash is not null, $"x/mod's CreateFromDir refused {dir}: {error}");
        return (hash, Entries(await File.ReadAllBytesAsync(zip)));
    }

    private static List<string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    private string Describe(GoResult result) =>
        $"`artifacthub {result.Command}` exited {result.ExitCode}\n--- stdout ---\n{result.StdOut}\n--- stderr ---\n{result.StdErr}\n--- server ---\n{server.LogTail}";
}
