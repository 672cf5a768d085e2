using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E.Infrastructure;

/// <summary>Raw repositories and API tokens through the admin API of a running server, and the client programs that use them.</summary>
public static class RawRepositories
{
    /// <summary>POST /api/v1/repositories for a raw proxy of <paramref name="upstream"/> that remembers no 404s; returns its base URL.</summary>
    public static Task<string> CreateRawProxyAsync(this HostedGoServerFixture server, string name, string upstream, string? verifySidecar = null) =>
        server.CreateRepositoryAsync(name, new
        {
            name,
            format = "raw",
            type = "proxy",
            proxy = new { upstream, negativeCacheMinutes = 0, connectTimeoutSeconds = 2, readTimeoutSeconds = 30, verifySidecar },
        }, $"raw proxy {name} of {upstream}");

    /// <summary>The admin creates an API token for itself (POST /api/v1/security/tokens); returns the token's text.</summary>
    public static async Task<string> CreateAdminTokenAsync(this HostedGoServerFixture server, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Server.Root, "api/v1/security/tokens"))
        {
            Content = JsonContent.Create(new { name, expiresInDays = 1 }),
        };
        request.Headers.Authorization = server.AdminAuth;
        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/security/tokens answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Runs a client program (curl, wget, bash) in <paramref name="workDir"/> with this process's environment plus <paramref name="env"/>.</summary>
    public static Task<GoResult> RunAsync(string program, string workDir, TimeSpan timeout, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        Dictionary<string, string>? environment = null;
        if (env is not null)
        {
            environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
            foreach (var (key, value) in env)
            {
                environment[key] = value;
            }
        }

        return ProcessRunner.RunAsync(program, workDir, environment, timeout, CancellationToken.None, args);
    }

    /// <summary>Describes a finished client run for an assertion message.</summary>
    public static string Describe(GoResult result) =>
        $"`{result.Command}` exited {result.ExitCode}\n--- stdout ---\n{result.StdOut}\n--- stderr ---\n{result.StdErr}";

    /// <summary>The SHA-256 of a file as lower-case hex, read as a stream (never whole into memory).</summary>
    public static async Task<string> Sha256Async(string path)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file));
    }

    /// <summary>How many requests python's http.server logged for <paramref name="path"/> (e.g. <c>/big.bin</c>).</summary>
    public static int Requests(this StaticFileServer files, string path) =>
        files.Log.Split('\n').Count(line => line.Contains($"\"GET {path} HTTP/", StringComparison.Ordinal));
}
