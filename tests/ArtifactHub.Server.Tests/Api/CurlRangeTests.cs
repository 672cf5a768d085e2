using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Api;

/// <summary>
/// A real client against the server run as a process (Kestrel), on the test stack: curl fetches a byte range of a zip
/// (<c>-r</c>) and resumes a download cut off part way (<c>-C -</c>).
/// </summary>
public sealed class CurlRangeTests : IAsyncLifetime
{
    private const string AdminPassword = "curl ranges password";

    private readonly StringBuilder log = new();
    private readonly TempDir dataDir = new("curl-data");
    private readonly TempDir work = new("curl-work");
    private readonly StackResources stack = TestStack.Provision("curl");
    private ServerProcess? server;

    public async Task InitializeAsync() =>
        server = await ServerProcess.StartAsync(dataDir.Path, AdminPassword, log, environment: stack.EnvironmentVariables);

    [Fact]
    public async Task Curl_fetches_a_byte_range_and_resumes_a_download_cut_off_part_way()
    {
        const string module = "example.com/curl/ranges";
        var zip = new ModuleZipBuilder(module, "v1.0.0").Add("go.mod", $"module {module}\n").Add("data.bin", RandomNumberGenerator.GetBytes(300 * 1024)).Build();
        await PublishAsync(module, zip);
        var url = new Uri(server!.Root, GoClient.Url(module, "@v/v1.0.0.zip").TrimStart('/')).ToString();

        var part = Path.Combine(work.Path, "part.bin");
        var ranged = await CurlAsync("-r", "100-199", "-o", part, url);
        Assert.Equal("206", ranged);
        Assert.Equal(zip[100..200], await File.ReadAllBytesAsync(part));

        var resumed = Path.Combine(work.Path, "resumed.zip");
        await File.WriteAllBytesAsync(resumed, zip[..70_000]); // what a download cut off left behind
        var resume = await CurlAsync("-C", "-", "-o", resumed, url);
        Assert.Equal("206", resume);
        Assert.Equal(zip, await File.ReadAllBytesAsync(resumed));
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        stack.Dispose();
        dataDir.Dispose();
        work.Dispose();
    }

    private async Task PublishAsync(string module, byte[] zip)
    {
        using var http = new HttpClient { BaseAddress = server!.Root };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{AdminPassword}")));
        await http.PublishAsync(module, "v1.0.0", zip);
    }

    /// <summary>Runs curl (failing on an HTTP error, never through a proxy) and returns the status code it saw.</summary>
    private async Task<string> CurlAsync(params string[] args)
    {
        var result = await ProcessRunner.RunAsync("curl", null, null, TimeSpan.FromMinutes(1), CancellationToken.None,
            ["--silent", "--show-error", "--fail", "--noproxy", "*", "--write-out", "%{http_code}", .. args]);
        Assert.True(result.Succeeded, $"{result.Command} exited with {result.ExitCode}: {result.StdErr}\n{ServerProcess.ReadLog(log, 4000)}");
        return result.StdOut.Trim();
    }
}
