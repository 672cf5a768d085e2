namespace ArtifactHub.Cli.Tests;

/// <summary>The command line itself, run in process: help, and bad usage (exit 2, the error and the help on stderr, nothing on stdout).</summary>
public sealed class CommandLineUsageTests : IDisposable
{
    private readonly TempDir _temp = new("cli-usage");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Help_names_the_commands_the_environment_and_the_exit_codes()
    {
        var (exitCode, stdout, stderr) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Contains("Usage:\n  artifacthub [command] [options]", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n  go +Go modules: publish a module version to a hosted Go repository\n", stdout);
        Assert.Contains("$ARTIFACTHUB_URL", stdout, StringComparison.Ordinal);
        Assert.Contains("$ARTIFACTHUB_TOKEN", stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 done, 1 refused or failed (the reason is printed), 2 bad usage.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_help_lists_its_options_and_says_what_goes_into_the_zip()
    {
        var (exitCode, stdout, _) = await RunAsync("go", "publish", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("artifacthub go publish <DIR> [options]", stdout, StringComparison.Ordinal);
        Assert.Matches(@"-r, --repository <name> \(REQUIRED\) +The hosted Go repository to publish to", stdout);
        Assert.Matches(@"--version <version> \(REQUIRED\) +The version to publish", stdout);
        Assert.Matches(@"-m, --module <path> +The module path \[default: go\.mod's module line", stdout);
        Assert.Matches(@"--server <url> +The ArtifactHub server's base URL", stdout);
        Assert.Matches(@"--json +Print the result as one JSON document", stdout);
        Assert.Contains("CreateFromDir", stdout, StringComparison.Ordinal);
        Assert.Contains("artifacthub go publish . --repository go-hosted --version v1.2.0", stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], string> BadUsage() => new()
    {
        { "no --repository", ["go", "publish", "{dir}", "--version", "v1.0.0"], "Option '--repository' is required." },
        { "no --version", ["go", "publish", "{dir}", "-r", "go-hosted"], "Option '--version' is required." },
        { "no DIR", ["go", "publish", "-r", "go-hosted", "--version", "v1.0.0"], "Required argument 'DIR' missing for command: 'publish'." },
        { "a DIR that is not there", ["go", "publish", "{dir}/missing", "-r", "go-hosted", "--version", "v1.0.0"], "Directory does not exist:" },
        { "a version without v", ["go", "publish", "{dir}", "-r", "go-hosted", "--version", "1.0.0"], "--version: \"1.0.0\" is not a semantic version with a leading v (e.g. v1.2.3)" },
        { "a version not canonical", ["go", "publish", "{dir}", "-r", "go-hosted", "--version", "v1.2"], "--version: \"v1.2\" is not canonical: write v1.2.0" },
        { "a bad module path", ["go", "publish", "{dir}", "-r", "go-hosted", "--version", "v1.0.0", "-m", "nodot/m"], "--module: malformed module path \"nodot/m\": missing dot in first path element" },
        { "a bad repository name", ["go", "publish", "{dir}", "-r", "go/hosted", "--version", "v1.0.0"], "--repository: \"go/hosted\" is not a repository name" },
        { "an unknown option", ["go", "publish", "{dir}", "-r", "go-hosted", "--version", "v1.0.0", "--force"], "Unrecognized command or argument '--force'." },
        { "a group without its command", ["go"], "Required command was not provided." },
        { "an unknown command", ["bundle", "export"], "Unrecognized command or argument 'bundle'." },
    };

    [Theory]
    [MemberData(nameof(BadUsage))]
    public async Task Bad_usage_exits_2_with_the_error_and_the_help(string why, string[] args, string error)
    {
        var dir = _temp.Sub("module");
        var (exitCode, stdout, stderr) = await RunAsync(args.Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal)).ToArray());

        Assert.True(exitCode == 2, $"{why}: exit code {exitCode}\n{stderr}");
        Assert.Equal("", stdout);
        Assert.Contains(error, stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:\n  artifacthub ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_server_anywhere_is_bad_usage()
    {
        var dir = ModuleSource.Write(_temp.Sub("module"), "example.com/m", ("m.go", "package m\n"));

        var (exitCode, stdout, stderr) = await RunAsync(["go", "publish", dir, "-r", "go-hosted", "--version", "v1.0.0"], environment: []);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: no server: give --server URL or set ARTIFACTHUB_URL\n", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:\n  artifacthub go publish <DIR> [options]", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:8081")]
    [InlineData("ftp://example.com/")]
    [InlineData("http://example.com/?x=1")]
    public async Task A_server_that_is_not_an_http_base_url_is_bad_usage(string url)
    {
        var dir = ModuleSource.Write(_temp.Sub("module"), "example.com/m", ("m.go", "package m\n"));

        var (exitCode, _, stderr) = await RunAsync(["go", "publish", dir, "-r", "go-hosted", "--version", "v1.0.0"], new() { ["ARTIFACTHUB_URL"] = url });

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: the server URL \"{url}\" is not an http:// or https:// base URL", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_without_go_mod_needs_module()
    {
        var dir = ModuleSource.Write(_temp.Sub("module"), module: null, ("m.go", "package m\n"));

        var (exitCode, _, stderr) = await RunAsync(["go", "publish", dir, "-r", "go-hosted", "--version", "v1.0.0"], new() { ["ARTIFACTHUB_URL"] = "http://127.0.0.1:9" });

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: {dir} has no go.mod: give the module path with --module", stderr, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(args, []);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, Dictionary<string, string> environment)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(stdout, stderr, Interactive: false, name => environment.GetValueOrDefault(name));
        var exitCode = await ArtifactHubCommandLine.RunAsync(args, console);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
