using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E.Infrastructure;

/// <summary>
/// A per-test go environment: its own GOPATH, GOMODCACHE and HOME, the class's shared GOCACHE, and GOPROXY
/// pointing at the hosted repository. Deleted on dispose.
/// </summary>
public sealed class GoSandbox : IDisposable
{
    private readonly TempDir _root;
    private readonly HostedGoServerFixture _fixture;
    private readonly Func<string>? _goProxy;
    private readonly IReadOnlyDictionary<string, string> _env;

    /// <param name="goProxy">The GOPROXY to use instead of the fixture's hosted repository, e.g. a proxy repository.</param>
    /// <param name="env">Variables that replace the defaults, e.g. GOSUMDB and GONOSUMDB to verify against a checksum database.</param>
    public GoSandbox(HostedGoServerFixture fixture, string name, Func<string>? goProxy = null, IReadOnlyDictionary<string, string>? env = null)
    {
        _env = env ?? new Dictionary<string, string>();
        Assert.True(GoTool.IsInstalled, "the go command is required for the end-to-end tests (golang-go, /usr/bin/go)");
        _fixture = fixture;
        _goProxy = goProxy;
        _root = new TempDir(name);
        GoPath = _root.Sub("gopath");
        Home = _root.Sub("home");
    }

    public string GoPath { get; }

    public string Home { get; }

    public string ModCache => Path.Combine(GoPath, "pkg", "mod");

    public string GoProxy => _goProxy?.Invoke() ?? _fixture.GoProxyUrl;

    /// <summary>A fresh folder inside the sandbox, e.g. for a consumer module.</summary>
    public string NewDir(string name) => _root.Sub(name);

    /// <summary>Built on every call: the fixture's GOPROXY changes when the server restarts.</summary>
    public IReadOnlyDictionary<string, string> Env
    {
        get
        {
            var env = Defaults;
            foreach (var (name, value) in _env)
            {
                env[name] = value;
            }

            return env;
        }
    }

    private Dictionary<string, string> Defaults => new()
    {
        ["GOPROXY"] = GoProxy,
        ["GOSUMDB"] = "off",
        ["GOFLAGS"] = "-mod=mod",
        ["GO111MODULE"] = "on",
        ["GOTOOLCHAIN"] = "local",
        ["GOPATH"] = GoPath,
        ["GOMODCACHE"] = ModCache,
        ["GOCACHE"] = _fixture.GoCacheDir,
        ["HOME"] = Home,
        ["GOENV"] = "off",
        ["GONOPROXY"] = "",
        ["GONOSUMDB"] = "",
        ["GOPRIVATE"] = "",
        ["CGO_ENABLED"] = "0",
    };

    public Task<GoResult> RunAsync(string workDir, params string[] args) => GoTool.RunAsync(workDir, Env, args);

    /// <summary>Runs go and fails the test, with go's output and the server log, unless it exits 0.</summary>
    public async Task<GoResult> RunOkAsync(string workDir, params string[] args)
    {
        var result = await RunAsync(workDir, args);
        Assert.True(result.ExitCode == 0, Describe($"go {string.Join(' ', args)}", result));
        return result;
    }

    public string Describe(string what, GoResult result) =>
        $"{what} (GOPROXY={GoProxy}) exited {result.ExitCode}\n--- stdout ---\n{result.StdOut}\n--- stderr ---\n{result.StdErr}\n--- server log ---\n{_fixture.ServerLogTail()}";

    /// <summary>Runs a built binary (in its folder, at most 30 s) and returns its stdout, failing the test unless it exits 0.</summary>
    public static async Task<string> RunBinaryAsync(string path)
    {
        var result = await ProcessRunner.RunAsync(path, Path.GetDirectoryName(path)!, env: null, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.True(result.ExitCode == 0, $"{path} exited {result.ExitCode}: {result.StdOut}{result.StdErr}");
        return result.StdOut;
    }

    public void Dispose() => _root.Dispose();
}
