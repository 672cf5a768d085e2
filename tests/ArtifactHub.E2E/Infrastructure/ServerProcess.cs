using System.Diagnostics;
using System.Net;
using System.Text;
using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E.Infrastructure;

/// <summary>
/// The built ArtifactHub server run as a real process (<c>dotnet ArtifactHub.Server.dll --urls ...</c>), with its
/// stdout/stderr captured for failure messages.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _log;

    private ServerProcess(Process process, int port, int? tlsPort, StringBuilder log)
    {
        _process = process;
        _log = log;
        Port = port;
        TlsPort = tlsPort;
    }

    /// <summary>The plain HTTP port (readiness, admin calls).</summary>
    public int Port { get; }

    /// <summary>The HTTPS port when started with a certificate.</summary>
    public int? TlsPort { get; }

    public int ProcessId => _process.Id;

    public Uri Root => new($"http://127.0.0.1:{Port}/");

    /// <summary>
    /// What a server log passed to <see cref="StartAsync"/> holds so far (the output readers keep writing to it), cut to
    /// its last <paramref name="maxChars"/> characters for assertion messages.
    /// </summary>
    public static string ReadLog(StringBuilder log, int maxChars = int.MaxValue)
    {
        string text;
        lock (log)
        {
            text = log.ToString();
        }

        return text.Length <= maxChars ? text : "…" + text[^maxChars..];
    }

    /// <param name="tls">When given, the server also listens on HTTPS (<see cref="TlsPort"/>) with this certificate.</param>
    public static async Task<ServerProcess> StartAsync(string dataDir, string adminPassword, StringBuilder log, TestCertificate? tls = null)
    {
        var dll = RepoPaths.ServerDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"server not built: {dll} does not exist");
        }

        var port = LoopbackPort.Free();
        int? tlsPort = tls is null ? null : LoopbackPort.Free();
        var urls = tls is null ? $"http://127.0.0.1:{port}" : $"http://127.0.0.1:{port};https://127.0.0.1:{tlsPort}";
        var info = new ProcessStartInfo(DotnetHost(), [dll, "--urls", urls])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        info.Environment.Remove("ASPNETCORE_HTTPS_PORTS");
        info.Environment["ArtifactHub__DataDir"] = dataDir;
        info.Environment["ArtifactHub__Admin__Password"] = adminPassword;
        info.Environment["DOTNET_NOLOGO"] = "1";
        if (tls is not null)
        {
            info.Environment["Kestrel__Certificates__Default__Path"] = tls.PfxPath;
            info.Environment["Kestrel__Certificates__Default__Password"] = tls.PfxPassword;
        }

        lock (log)
        {
            log.AppendLine($"--- starting server on {urls} (data dir {dataDir}) ---");
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(log, e.Data, "out");
        process.ErrorDataReceived += (_, e) => Append(log, e.Data, "err");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, port, tlsPort, log);
        try
        {
            await server.WaitUntilReadyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var readyz = new Uri(Root, "readyz");
        var deadline = Stopwatch.StartNew();
        string lastProblem = "no answer yet";
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                // Let the output readers drain before reporting.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException(
                    $"server exited with code {_process.ExitCode} before it was ready. Output:\n{ReadLog(_log, 6000)}");
            }

            try
            {
                using var response = await http.GetAsync(readyz);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastProblem = $"GET /readyz answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                lastProblem = $"GET /readyz failed: {e.Message}";
            }

            await Task.Delay(200);
        }

        throw new TimeoutException(
            $"server on port {Port} not ready after {ReadyTimeout.TotalSeconds} s ({lastProblem}). Output:\n{ReadLog(_log, 6000)}");
    }

    /// <summary>Kills the server (whole process tree) and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            lock (_log)
            {
                _log.AppendLine($"--- server on port {Port} stopped ---");
            }

            _process.Dispose();
        }
    }

    private static void Append(StringBuilder log, string? line, string stream)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Append('[').Append(stream).Append("] ").AppendLine(line);
        }
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return "dotnet";
    }
}
