namespace ArtifactHub.TestSupport;

/// <summary>Runs the real go command with a small, explicit environment.</summary>
public static class GoTool
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Variables passed on from this process; everything else comes from the caller.</summary>
    private static readonly string[] Inherited = ["PATH", "HOME", "TMPDIR", "GOCACHE", "GOROOT"];

    private static readonly Lazy<string?> GoPath = new(() => FindOnPath("go"));

    /// <summary>The full path of the go command on PATH, or null.</summary>
    public static string? Executable => GoPath.Value;

    /// <summary>Whether a go command is on PATH.</summary>
    public static bool IsInstalled => GoPath.Value is not null;

    /// <summary>Runs <c>go args...</c> in <paramref name="workDir"/> with a 5-minute limit.</summary>
    /// <param name="env">
    /// Added to PATH, HOME, TMPDIR, GOCACHE and GOROOT of this process (and override them). GOFLAGS, GOPROXY and so on are
    /// whatever the caller sets; only GOTOOLCHAIN defaults to <c>local</c> and GOTELEMETRY to <c>off</c> so that a newer
    /// go never downloads anything unasked.
    /// </param>
    public static Task<GoResult> RunAsync(string workDir, IReadOnlyDictionary<string, string> env, params string[] args) =>
        RunAsync(workDir, env, DefaultTimeout, CancellationToken.None, args);

    /// <inheritdoc cref="RunAsync(string, IReadOnlyDictionary{string, string}, string[])"/>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>; it was killed.</exception>
    public static Task<GoResult> RunAsync(
        string workDir, IReadOnlyDictionary<string, string> env, TimeSpan timeout, CancellationToken cancellationToken, params string[] args)
    {
        var go = Executable ?? throw new InvalidOperationException("the go command is not installed (not found on PATH)");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        environment["GOTOOLCHAIN"] = "local";
        environment["GOTELEMETRY"] = "off";
        foreach (var (name, value) in env)
        {
            environment[name] = value;
        }

        return ProcessRunner.RunAsync(go, workDir, environment, timeout, cancellationToken, args);
    }

    private static string? FindOnPath(string name)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe" } : [name];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in names)
            {
                var full = Path.Combine(dir, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }
}
