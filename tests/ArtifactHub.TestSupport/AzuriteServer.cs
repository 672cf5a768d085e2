using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ArtifactHub.Storage.AzureBlob;

namespace ArtifactHub.TestSupport;

/// <summary>
/// Azurite's Blob service (the Azure Storage emulator) on a free loopback port with a temporary folder: one per test
/// run (<see cref="SharedAsync"/>), or one of the caller's own (<see cref="StartNewAsync"/>, e.g. to stop and start it).
/// Killed when the test process exits. It is <c>azurite-blob</c> from <c>tools/azurite/node_modules/.bin</c>
/// (test.sh runs <c>npm ci --prefix tools/azurite</c>), else from PATH.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private static readonly Lazy<Task<AzuriteServer>> Instance = new(StartNewAsync);

    private readonly string _command;
    private readonly string _location;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private Process? _process;
    private bool _disposed;

    private AzuriteServer(string command, string location, int port)
    {
        _command = command;
        _location = location;
        Port = port;
        BlobEndpoint = new Uri($"http://127.0.0.1:{port}/{AzureStorageConnectionString.DevelopmentAccountName}");
    }

    public int Port { get; }

    /// <summary>Path style: <c>http://127.0.0.1:{port}/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>Azurite's well-known development account and key (<see cref="AzureStorageConnectionString.ForAzurite"/>).</summary>
    public string ConnectionString => AzureStorageConnectionString.ForAzurite(BlobEndpoint);

    /// <summary>The run's Azurite; the first call starts it (about a second).</summary>
    public static Task<AzuriteServer> SharedAsync() => Instance.Value;

    /// <summary>A container name no other test uses.</summary>
    public static string NewContainerName(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 33)].ToLowerInvariant();

    /// <summary>An Azurite of the caller's own, started now; dispose it (or let the process exit) to stop it and delete its folder.</summary>
    public static async Task<AzuriteServer> StartNewAsync()
    {
        var server = new AzuriteServer(FindCommand(), Directory.CreateTempSubdirectory("ah-azurite-").FullName, LoopbackPort.Free());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Kill(deleteFolder: true);
        try
        {
            await server.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            server.Kill(deleteFolder: true);
            throw;
        }

        return server;
    }

    /// <summary>Starts Azurite again after <see cref="Stop"/>, on the same port and folder (the blobs stored before are back).</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(_command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(CultureInfo.InvariantCulture), "--location", _location,
                     "--silent", "--skipApiVersionCheck", "--disableTelemetry" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_process is { HasExited: false })
            {
                throw new InvalidOperationException($"Azurite on port {Port} is running already");
            }

            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {_command}");
            _process = process;
        }

        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                string log;
                lock (_output) log = _output.ToString();
                throw new InvalidOperationException($"{_command} exited with {process.ExitCode} before it answered:\n{log}");
            }

            try
            {
                // Any answer (403 for an unsigned request) means it listens.
                using var _ = await http.GetAsync(new Uri(BlobEndpoint, "?comp=list")).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Stops Azurite (its folder stays, for <see cref="StartAsync"/>); requests to its port are refused meanwhile. SIGTERM
    /// first: Azurite keeps its blob index in memory and saves it on a graceful exit, so a kill could lose recent blobs.
    /// </summary>
    public void Stop()
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
        }

        if (process is { HasExited: false })
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            term?.WaitForExit(5000);
            process.WaitForExit(10_000);
        }

        Kill(deleteFolder: false);
    }

    /// <summary>Deletes a container and its blobs; nothing happens when there is no such container.</summary>
    public async Task DeleteContainerAsync(string container)
    {
        var account = AzureStorageConnectionString.Parse(ConnectionString);
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{BlobEndpoint.ToString().TrimEnd('/')}/{container}?restype=container");
        request.Headers.TryAddWithoutValidation("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("x-ms-version", AzureBlobRestClient.ApiVersion);
        new SharedKeySigner(account.AccountName, account.AccountKey).Sign(request);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            if (response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.NotFound))
            {
                throw new InvalidOperationException($"deleting container {container} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }
        }
        catch (HttpRequestException)
        {
            // Azurite is stopped (a test did it) or gone: its folder goes with it.
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill(deleteFolder: true);
        return ValueTask.CompletedTask;
    }

    private void Kill(bool deleteFolder)
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
            _process = null;
            _disposed |= deleteFolder;
        }

        try
        {
            if (process is not null)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.WaitForExit(5000);
                process.Dispose();
            }

            if (deleteFolder && Directory.Exists(_location))
            {
                Directory.Delete(_location, recursive: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Exiting anyway: a leftover temp folder is the OS's to clean.
        }
    }

    private static string FindCommand()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var local = Path.Combine(dir.FullName, "tools", "azurite", "node_modules", ".bin", "azurite-blob");
            if (File.Exists(local))
            {
                return local;
            }
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "azurite-blob");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "azurite-blob (the Azure Blob emulator) is not installed: run ./test.sh, which runs `npm ci --prefix tools/azurite`, or `npm install -g azurite`");
    }
}
