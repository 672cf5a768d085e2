using System.Net;
using System.Net.Http.Json;

namespace ArtifactHub.E2E.Infrastructure;

/// <summary>Creating and changing Go proxy repositories through the admin API of a running server.</summary>
public static class ProxyRepositories
{
    /// <summary>
    /// POST /api/v1/repositories for a Go proxy of <paramref name="upstream"/> that refreshes metadata on every request
    /// (max age 0), remembers no 404s and gives up quickly; insists on 201 and returns the repository's GOPROXY URL.
    /// </summary>
    public static async Task<string> CreateGoProxyAsync(this HostedGoServerFixture server, string name, string upstream)
    {
        var body = new
        {
            name,
            format = "go",
            type = "proxy",
            proxy = new
            {
                upstream,
                metadataMaxAgeMinutes = 0,
                negativeCacheMinutes = 0,
                connectTimeoutSeconds = 2,
                readTimeoutSeconds = 5,
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Server.Root, "api/v1/repositories"))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = server.AdminAuth;
        using var response = await server.Http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == HttpStatusCode.Created,
            $"POST /api/v1/repositories (proxy {name} of {upstream}) answered {(int)response.StatusCode}, expected 201: {answer}\n{server.ServerLogTail()}");
        return ProxyUrl(server, name);
    }

    /// <summary>The GOPROXY base URL of repository <paramref name="name"/> (no trailing slash).</summary>
    public static string ProxyUrl(this HostedGoServerFixture server, string name) => $"http://127.0.0.1:{server.Server.Port}/repository/{name}";
}
