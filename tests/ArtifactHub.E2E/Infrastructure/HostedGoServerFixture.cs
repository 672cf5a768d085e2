using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ArtifactHub.E2E.Infrastructure;

/// <summary>What the upload API answers for a stored module version.</summary>
public sealed record UploadResult(string Module, string Version, DateTimeOffset Time, string ZipHash, string ModHash, long Size);

/// <summary>
/// One real ArtifactHub server per test class, on a temp data dir that is deleted afterwards, and on the test stack
/// (<see cref="TestStack"/>: its own PostgreSQL database and Azurite container on postgres-azurite). Also holds a
/// GOCACHE shared by the class's go invocations (build results only; module caches are per test).
/// </summary>
public class HostedGoServerFixture : IAsyncLifetime
{
    public const string Repository = "go-hosted";

    private readonly StringBuilder _log = new();
    private readonly TempDir _dataDir = new("data");
    private readonly TempDir _goCache = new("gocache");
    private readonly StackResources _stack = TestStack.Provision("e2e");
    private ServerProcess? _server;

    public HostedGoServerFixture()
    {
        Http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
    }

    public string AdminPassword { get; } = "e2e-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    public string DataDir => _dataDir.Path;

    public string GoCacheDir => _goCache.Path;

    public HttpClient Http { get; }

    public ServerProcess Server => _server ?? throw new InvalidOperationException("server not started");

    /// <summary>The GOPROXY base URL of the hosted Go repository (no trailing slash).</summary>
    public string GoProxyUrl => this.ProxyUrl(Repository);

    /// <summary>Everything the servers of this fixture (it restarts) wrote so far.</summary>
    public string ServerLog => ServerProcess.ReadLog(_log);

    /// <summary>The last of <see cref="ServerLog"/>, for assertion messages.</summary>
    public virtual string ServerLogTail(int maxChars = 6000) => ServerProcess.ReadLog(_log, maxChars);

    public virtual async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(DataDir, AdminPassword, _log, Tls, _stack.EnvironmentVariables);
    }

    /// <summary>A certificate to serve HTTPS with as well (see <see cref="ServerProcess.TlsPort"/>); none by default.</summary>
    protected virtual TestCertificate? Tls => null;

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _dataDir.Dispose();
        _goCache.Dispose();
        _stack.Dispose();
    }

    /// <summary>Stops the server and starts a new one on the same data dir (on a new port).</summary>
    public async Task RestartAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        _server = await ServerProcess.StartAsync(DataDir, AdminPassword, _log, Tls, _stack.EnvironmentVariables);
    }

    public Uri ContentUri(string relative) => new($"{GoProxyUrl}/{relative}");

    /// <summary><c>$module/@v/$version.zip</c> etc. with the GOPROXY case encoding applied to module and version.</summary>
    public Uri VersionUri(string module, string version, string suffix) =>
        ContentUri($"{GoEscape(module)}/@v/{GoEscape(version)}{suffix}");

    public AuthenticationHeaderValue AdminAuth =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{AdminPassword}")));

    public async Task<HttpResponseMessage> PutZipAsync(string module, string version, HttpContent content, bool authenticate = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, VersionUri(module, version, ".zip")) { Content = content };
        if (authenticate)
        {
            request.Headers.Authorization = AdminAuth;
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Uploads a zip and insists on 201 Created (or 200 for bytes stored before); returns the parsed answer.</summary>
    public async Task<UploadResult> UploadAsync(string module, string version, byte[] zip)
    {
        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await PutZipAsync(module, version, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
            $"PUT {response.RequestMessage?.RequestUri} ({zip.Length} bytes) answered {(int)response.StatusCode}, expected 201: {body}\n{ServerLogTail()}");
        var result = JsonSerializer.Deserialize<UploadResult>(body, JsonSerializerOptions.Web);
        Assert.True(result is not null, $"upload answer is not the expected JSON: {body}");
        Assert.Equal(module, result.Module);
        Assert.Equal(version, result.Version);
        Assert.StartsWith("h1:", result.ZipHash, StringComparison.Ordinal);
        Assert.StartsWith("h1:", result.ModHash, StringComparison.Ordinal);
        return result;
    }

    public async Task<HttpResponseMessage> DeleteVersionAsync(string module, string version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, ContentUri($"{GoEscape(module)}/@v/{GoEscape(version)}"));
        request.Headers.Authorization = AdminAuth;
        return await Http.SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(Uri uri)
    {
        using var response = await Http.GetAsync(uri);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GOPROXY case encoding: every upper-case letter becomes <c>!</c> + its lower case.</summary>
    public static string GoEscape(string path)
    {
        var sb = new StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (c is >= 'A' and <= 'Z')
            {
                sb.Append('!').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Reads a value (in KiB) from /proc/{pid}/status, e.g. VmHWM (peak resident memory); null if unavailable.</summary>
    public long? ServerProcStatusKiB(string field)
    {
        var path = $"/proc/{Server.ProcessId}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var number = new string(line.AsSpan(field.Length + 1).Trim().ToString().TakeWhile(char.IsDigit).ToArray());
                return long.TryParse(number, out var kib) ? kib : null;
            }
        }

        return null;
    }
}
