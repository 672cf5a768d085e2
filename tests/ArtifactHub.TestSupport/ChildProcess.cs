using System.Diagnostics;
using System.Text;

namespace ArtifactHub.TestSupport;

/// <summary>
/// The start and stop of a long-running child process (a server the tests talk to) whose output goes to a log kept for
/// failure messages. For a program that runs to its end, see <see cref="ProcessRunner"/>.
/// </summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="info"/> with stdout and stderr redirected, each line appended to <paramref name="log"/>
    /// (under a lock on it) as <paramref name="format"/> makes it: (line, "out" or "err") → text; the line as is when null.
    /// </summary>
    public static Process Start(ProcessStartInfo info, StringBuilder log, Func<string, string, string>? format = null)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(log, e.Data, "out", format);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data, "err", format);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Kills <paramref name="process"/> with its children if it still runs, waits up to <paramref name="wait"/> for its end, and disposes it.</summary>
    public static async Task StopAsync(Process process, TimeSpan wait)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var cts = new CancellationTokenSource(wait);
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static void Append(StringBuilder log, string? line, string stream, Func<string, string, string>? format)
    {
        if (line is null)
        {
            return;
        }

        var text = format is null ? line : format(line, stream);
        lock (log)
        {
            log.AppendLine(text);
        }
    }
}
