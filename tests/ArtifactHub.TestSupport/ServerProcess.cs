using System.Diagnostics;
using System.Net;
using System.Text;

namespace ArtifactHub.TestSupport;

/// <summary>
/// The built ArtifactHub server run as a real process (<c>dotnet ArtifactHub.Server.dll --urls ...</c>), with its
/// stdout/stderr captured for failure messages. <see cref="Kill"/> ends it as a crash would; <see cref="RestartAsync"/>
/// starts it again on the same data dir, port and settings.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _log;
    private readonly string _dataDir;
    private readonly string _adminPassword;
    private readonly TestCertificate? _tls;
    private readonly IReadOnlyDictionary<string, string>? _environment;

    private ServerProcess(Process process, int port, int? tlsPort, StringBuilder log, string dataDir, string adminPassword, TestCertificate? tls,
        IReadOnlyDictionary<string, string>? environment)
    {
        _process = process;
        _log = log;
        _dataDir = dataDir;
        _adminPassword = adminPassword;
        _tls = tls;
        _environment = environment;
        Port = port;
        TlsPort = tlsPort;
    }

    /// <summary>The plain HTTP port (readiness, admin calls).</summary>
    public int Port { get; }

    /// <summary>The HTTPS port when started with a certificate.</summary>
    public int? TlsPort { get; }

    public int ProcessId => _process.Id;

    public string DataDir => _dataDir;

    /// <summary>True once the process has ended (killed, crashed or disposed).</summary>
    public bool HasExited => _process.HasExited;

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
    /// <param name="environment">
    /// More environment variables for the server (e.g. <c>ArtifactHub__Database__Provider</c>, see
    /// <see cref="StackResources.EnvironmentVariables"/>); they win over the ones set here.
    /// </param>
    /// <param name="port">The HTTP port; a free one when null.</param>
    public static Task<ServerProcess> StartAsync(string dataDir, string adminPassword, StringBuilder log, TestCertificate? tls = null,
        IReadOnlyDictionary<string, string>? environment = null, int? port = null) =>
        StartAsync(dataDir, adminPassword, log, tls, environment, port, tlsPort: null);

    /// <summary>Stops this server if it still runs, then starts it again on the same data dir, ports and environment.</summary>
    public async Task<ServerProcess> RestartAsync()
    {
        await DisposeAsync();
        return await StartAsync(_dataDir, _adminPassword, _log, _tls, _environment, Port, TlsPort);
    }

    /// <summary>Ends the server with SIGKILL, as a crash or an OOM kill would: no graceful shutdown, nothing flushed.</summary>
    public void Kill()
    {
        lock (_log)
        {
            _log.AppendLine($"--- killing server on port {Port} (SIGKILL) ---");
        }

        try
        {
            // Process.Kill sends SIGKILL on Unix.
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.WaitForExit(30_000);
    }

    private static async Task<ServerProcess> StartAsync(string dataDir, string adminPassword, StringBuilder log, TestCertificate? tls,
        IReadOnlyDictionary<string, string>? environment, int? requestedPort, int? tlsPort)
    {
        var dll = RepoPaths.ServerDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"server not built: {dll} does not exist");
        }

        var port = requestedPort ?? LoopbackPort.Free();
        tlsPort = tls is null ? null : tlsPort ?? LoopbackPort.Free();
        var urls = tls is null ? $"http://127.0.0.1:{port}" : $"http://127.0.0.1:{port};https://127.0.0.1:{tlsPort}";
        var info = new ProcessStartInfo(DotnetHost(), [dll, "--urls", urls]) { WorkingDirectory = Path.GetDirectoryName(dll)! };
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

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        lock (log)
        {
            log.AppendLine($"--- starting server on {urls} (data dir {dataDir}) ---");
        }

        var process = ChildProcess.Start(info, log, (line, stream) => $"[{stream}] {line}");

        var server = new ServerProcess(process, port, tlsPort, log, dataDir, adminPassword, tls, environment);
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
            await ChildProcess.StopAsync(_process, TimeSpan.FromSeconds(30));
        }
        finally
        {
            lock (_log)
            {
                _log.AppendLine($"--- server on port {Port} stopped ---");
            }
        }
    }

    /// <summary>The dotnet host that runs these tests (the SDK's), to run a built .dll with.</summary>
    internal static string DotnetHost()
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
