using System.Net;
using System.Net.Http.Json;

namespace ArtifactHub.E2E.Infrastructure;

/// <summary>Creating Go group repositories through the admin API of a running server.</summary>
public static class GroupRepositories
{
    /// <summary>
    /// POST /api/v1/repositories for a Go group over <paramref name="members"/> (in order); insists on 201 and returns
    /// the group's GOPROXY URL.
    /// </summary>
    public static async Task<string> CreateGoGroupAsync(this HostedGoServerFixture server, string name, params string[] members)
    {
        var body = new { name, format = "go", type = "group", group = new { members } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Server.Root, "api/v1/repositories"))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = server.AdminAuth;
        using var response = await server.Http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == HttpStatusCode.Created,
            $"POST /api/v1/repositories (group {name} of {string.Join(", ", members)}) answered {(int)response.StatusCode}, expected 201: {answer}\n{server.ServerLogTail()}");
        return server.ProxyUrl(name);
    }
}
