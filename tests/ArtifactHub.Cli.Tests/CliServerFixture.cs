using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ArtifactHub.Cli.Tests;

/// <summary>One real ArtifactHub server for the class (SQLite and blobs in a temp folder) and an admin API token for it.</summary>
public sealed class CliServerFixture : IAsyncLifetime
{
    public const string Repository = "go-hosted";

    private readonly StringBuilder _log = new();
    private readonly TempDir _data = new("cli-data");
    private ServerProcess? _server;

    public string AdminPassword { get; } = "cli-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public string Url => Server.Root.ToString().TrimEnd('/');

    public string Token { get; private set; } = "";

    public ServerProcess Server => _server ?? throw new InvalidOperationException("server not started");

    public string LogTail => ServerProcess.ReadLog(_log, 4000);

    /// <summary>ARTIFACTHUB_URL and ARTIFACTHUB_TOKEN for this server and the admin's token.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["ARTIFACTHUB_URL"] = Url,
        ["ARTIFACTHUB_TOKEN"] = Token,
    };

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(_data.Path, AdminPassword, _log);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.Root, "api/v1/security/tokens")) { Content = JsonContent.Create(new { name = "cli-tests" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{AdminPassword}")));
        using var response = await Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating a token answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>The stored zip of a version, as the go command downloads it.</summary>
    public async Task<byte[]> DownloadZipAsync(string module, string version)
    {
        using var response = await Http.GetAsync(new Uri(Server.Root, $"repository/{Repository}/{module}/@v/{version}.zip"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {module}@{version}.zip answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _data.Dispose();
    }
}
