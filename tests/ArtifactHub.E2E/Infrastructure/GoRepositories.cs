using System.Net;
using System.Net.Http.Json;

namespace ArtifactHub.E2E.Infrastructure;

/// <summary>Creating Go repositories through the admin API of a running server.</summary>
public static class GoRepositories
{
    /// <summary>
    /// POST /api/v1/repositories for a Go proxy of <paramref name="upstream"/> that refreshes metadata on every request
    /// (max age 0), remembers no 404s and gives up quickly; insists on 201 and returns the repository's GOPROXY URL.
    /// </summary>
    /// <param name="checksumDatabases">The checksum databases it proxies (name, url); null leaves the default.</param>
    public static async Task<string> CreateGoProxyAsync(this HostedGoServerFixture server, string name, string upstream, IReadOnlyList<(string Name, string Url)>? checksumDatabases = null)
    {
        var proxy = new Dictionary<string, object>
        {
            ["upstream"] = upstream,
            ["metadataMaxAgeMinutes"] = 0,
            ["negativeCacheMinutes"] = 0,
            ["connectTimeoutSeconds"] = 2,
            ["readTimeoutSeconds"] = 5,
        };
        if (checksumDatabases is not null)
        {
            proxy["checksumDatabases"] = checksumDatabases.Select(d => new { name = d.Name, url = d.Url, latestMaxAgeSeconds = 0 }).ToList();
        }

        var body = new { name, format = "go", type = "proxy", proxy };
        return await server.CreateRepositoryAsync(name, body, $"proxy {name} of {upstream}");
    }

    /// <summary>
    /// POST /api/v1/repositories for a Go group over <paramref name="members"/> (in order); insists on 201 and returns
    /// the group's GOPROXY URL.
    /// </summary>
    public static async Task<string> CreateGoGroupAsync(this HostedGoServerFixture server, string name, params string[] members)
    {
        var body = new { name, format = "go", type = "group", group = new { members } };
        return await server.CreateRepositoryAsync(name, body, $"group {name} of {string.Join(", ", members)}");
    }

    /// <summary>POST /api/v1/repositories as admin; insists on 201 and returns the new repository's GOPROXY URL.</summary>
    public static async Task<string> CreateRepositoryAsync(this HostedGoServerFixture server, string name, object body, string description)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Server.Root, "api/v1/repositories"))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = server.AdminAuth;
        using var response = await server.Http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == HttpStatusCode.Created,
            $"POST /api/v1/repositories ({description}) answered {(int)response.StatusCode}, expected 201: {answer}\n{server.ServerLogTail()}");
        return server.ProxyUrl(name);
    }

    /// <summary>The GOPROXY base URL of repository <paramref name="name"/> (no trailing slash).</summary>
    public static string ProxyUrl(this HostedGoServerFixture server, string name) => $"http://127.0.0.1:{server.Server.Port}/repository/{name}";
}
