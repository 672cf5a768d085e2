using System.Diagnostics;
using System.Text;

namespace ArtifactHub.TestSupport;

/// <summary>What a run of the go command did.</summary>
public sealed record GoResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>The command line, for messages.</summary>
    public string Command { get; init; } = "go";

    public bool Succeeded => ExitCode == 0;

    /// <summary>Returns this result, or throws with both outputs when the command failed.</summary>
    public GoResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{Command}` exited with code {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}");
        }

        return this;
    }
}

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
    public static async Task<GoResult> RunAsync(
        string workDir, IReadOnlyDictionary<string, string> env, TimeSpan timeout, CancellationToken cancellationToken, params string[] args)
    {
        var go = Executable ?? throw new InvalidOperationException("the go command is not installed (not found on PATH)");
        var start = new ProcessStartInfo(go)
        {
            WorkingDirectory = workDir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["GOTOOLCHAIN"] = "local";
        start.Environment["GOTELEMETRY"] = "off";
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }

        var command = "go " + string.Join(' ', args);
        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it ended meanwhile
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"`{command}` did not finish within {timeout}\n--- stdout ---\n{Snapshot(stdout)}\n--- stderr ---\n{Snapshot(stderr)}");
        }

        // WaitForExitAsync also waits for the end of both redirected streams.
        return new GoResult(process.ExitCode, Snapshot(stdout), Snapshot(stderr)) { Command = command };
    }

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sb)
        {
            sb.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder sb)
    {
        lock (sb)
        {
            return sb.ToString();
        }
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
