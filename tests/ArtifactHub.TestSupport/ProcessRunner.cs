using System.Diagnostics;
using System.Text;

namespace ArtifactHub.TestSupport;

/// <summary>What a run of a process (the go command, a Go program, a PostgreSQL tool, ...) did.</summary>
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

/// <summary>Runs a program to its end, capturing stdout and stderr, and kills it (with its children) when it runs too long.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>; its stdin is closed at once.</summary>
    /// <param name="workDir">The working directory; null keeps this process's.</param>
    /// <param name="env">
    /// Null: the program inherits this process's environment. Otherwise exactly these variables and nothing else.
    /// </param>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/>; it was killed, with its process tree.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; it was killed likewise.</exception>
    public static async Task<GoResult> RunAsync(
        string file, string? workDir, IReadOnlyDictionary<string, string>? env, TimeSpan timeout, CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (workDir is not null)
        {
            start.WorkingDirectory = workDir;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (env is not null)
        {
            start.Environment.Clear();
            foreach (var (name, value) in env)
            {
                start.Environment[name] = value;
            }
        }

        var command = $"{Path.GetFileName(file)} {string.Join(' ', args)}".TrimEnd();
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
}
