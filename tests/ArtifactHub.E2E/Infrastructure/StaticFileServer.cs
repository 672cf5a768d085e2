using System.Diagnostics;
using System.Net;
using System.Text;
using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E.Infrastructure;

/// <summary>
/// <c>python3 -m http.server</c> serving a folder on a free loopback port: a plain static GOPROXY, nothing like
/// ArtifactHub. Its request log (stderr) is kept for failure messages. Killed on dispose.
/// </summary>
public sealed class StaticFileServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private StaticFileServer(Process process, int port, StringBuilder log)
    {
        _process = process;
        _log = log;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The served folder's URL, with a trailing slash.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    public string Log => ServerProcess.ReadLog(_log);

    /// <summary>
    /// http.server with one change: files ending in <c>.gz</c> are sent with <c>Content-Encoding: gzip</c>, as an
    /// S3 object with that metadata or Apache with <c>AddEncoding x-gzip .gz</c> sends them. The bytes are the file's.
    /// </summary>
    private const string GzipEncodingServer = """
        import functools, http.server, sys
        class Handler(http.server.SimpleHTTPRequestHandler):
            def end_headers(self):
                if self.path.endswith('.gz'):
                    self.send_header('Content-Encoding', 'gzip')
                super().end_headers()
        handler = functools.partial(Handler, directory=sys.argv[2])
        http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), handler).serve_forever()
        """;

    /// <param name="gzipContentEncoding">Send <c>.gz</c> files with <c>Content-Encoding: gzip</c> (see <see cref="GzipEncodingServer"/>).</param>
    public static async Task<StaticFileServer> StartAsync(string directory, bool gzipContentEncoding = false)
    {
        string? lastProblem = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = LoopbackPort.Free();
            var log = new StringBuilder();
            var info = new ProcessStartInfo("python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            string[] args = gzipContentEncoding
                ? ["-u", "-c", GzipEncodingServer, port.ToString(), directory]
                : ["-u", "-m", "http.server", "--bind", "127.0.0.1", port.ToString(), "--directory", directory];
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => Append(log, e.Data);
            process.ErrorDataReceived += (_, e) => Append(log, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new StaticFileServer(process, port, log);
            if (await server.WaitUntilReadyAsync())
            {
                return server;
            }

            lastProblem = server.Log;
            await server.DisposeAsync();
        }

        throw new InvalidOperationException($"python3 -m http.server did not start: {lastProblem}");
    }

    private async Task<bool> WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (_process.HasExited)
            {
                return false; // e.g. the port was taken meanwhile
            }

            try
            {
                using var response = await http.GetAsync(BaseUrl);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
