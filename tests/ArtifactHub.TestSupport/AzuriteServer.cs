using System.Diagnostics;
using System.Text;
using ArtifactHub.Storage.AzureBlob;

namespace ArtifactHub.TestSupport;

/// <summary>
/// Azurite's Blob service (the Azure Storage emulator) on a free loopback port with a temporary folder, one per test
/// run: started on first use, killed when the test process exits. It is <c>azurite-blob</c> from
/// <c>tools/azurite/node_modules/.bin</c> (test.sh runs <c>npm ci --prefix tools/azurite</c>), else from PATH.
/// </summary>
public sealed class AzuriteServer
{
    private static readonly Lazy<Task<AzuriteServer>> Instance = new(StartAsync);

    private AzuriteServer(Uri blobEndpoint)
    {
        BlobEndpoint = blobEndpoint;
    }

    /// <summary>Path style: <c>http://127.0.0.1:{port}/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>Azurite's well-known development account and key (<see cref="AzureStorageConnectionString.ForAzurite"/>).</summary>
    public string ConnectionString => AzureStorageConnectionString.ForAzurite(BlobEndpoint);

    /// <summary>The run's Azurite; the first call starts it (about a second).</summary>
    public static Task<AzuriteServer> SharedAsync() => Instance.Value;

    /// <summary>A container name no other test uses.</summary>
    public static string NewContainerName(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 33)].ToLowerInvariant();

    private static async Task<AzuriteServer> StartAsync()
    {
        var command = FindCommand();
        var location = Directory.CreateTempSubdirectory("ah-azurite-").FullName;
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", location,
                     "--silent", "--skipApiVersionCheck", "--disableTelemetry" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process, location);

        var endpoint = new Uri($"http://127.0.0.1:{port}/{AzureStorageConnectionString.DevelopmentAccountName}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                string log;
                lock (output) log = output.ToString();
                throw new InvalidOperationException($"{command} exited with {process.ExitCode} before it answered:\n{log}");
            }

            try
            {
                // Any answer (403 for an unsigned request) means it listens.
                using var _ = await http.GetAsync(new Uri(endpoint, "?comp=list")).ConfigureAwait(false);
                return new AzuriteServer(endpoint);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
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

    private static void Stop(Process process, string location)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }

            Directory.Delete(location, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Exiting anyway: a leftover temp folder is the OS's to clean.
        }
    }
}
