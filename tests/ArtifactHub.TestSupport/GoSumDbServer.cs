using System.Collections.Concurrent;
using System.Diagnostics;

namespace ArtifactHub.TestSupport;

/// <summary>
/// A real, signed checksum database on a loopback port (gosumdb/main.go: golang.org/x/mod/sumdb's server), whose
/// records are the hashes of the module versions in a GOPROXY tree or behind a GOPROXY URL. The go command verifies
/// against it with <c>GOSUMDB="{VerifierKey}"</c>. It counts the requests it answered, per path.
/// </summary>
public sealed class GoSumDbServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _requests = new();
    private int _disposed;

    private GoSumDbServer(Process process, string name, string verifierKey, string url)
    {
        _process = process;
        Name = name;
        VerifierKey = verifierKey;
        Url = url;
    }

    /// <summary>The database's name, as in GOSUMDB and in <c>sumdb/{name}/</c> proxy paths.</summary>
    public string Name { get; }

    /// <summary>The verifier key: the value of GOSUMDB that makes the go command trust this database.</summary>
    public string VerifierKey { get; }

    /// <summary>The database's base URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Url { get; }

    /// <summary>Requests answered so far, as "GET /lookup/example.com/a@v1.0.0 200".</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>How many requests for <paramref name="path"/> (e.g. <c>lookup/example.com/a@v1.0.0</c>) it answered.</summary>
    public int Hits(string path) => _requests.Count(r => r.Split(' ')[1] == "/" + path.TrimStart('/'));

    /// <param name="source">A GOPROXY tree on disk or a GOPROXY base URL: where the hashes are computed from.</param>
    public static async Task<GoSumDbServer> StartAsync(string name, string source)
    {
        var binary = await GoProgram.BuildAsync("gosumdb").ConfigureAwait(false);
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(source);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var key = await process.StandardOutput.ReadLineAsync(limit.Token).ConfigureAwait(false);
        var url = await process.StandardOutput.ReadLineAsync(limit.Token).ConfigureAwait(false);
        if (key is null || url is null)
        {
            var error = await process.StandardError.ReadToEndAsync(limit.Token).ConfigureAwait(false);
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"gosumdb {name} {source} did not start: {error}");
        }

        var server = new GoSumDbServer(process, name, key, url);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                server._requests.Enqueue(line);
            }
        };
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Stops the database for good: from now on only what a proxy cached is there.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
