using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Tests.Conformance;

/// <summary>
/// What the repository conformance suites share: the real server in memory (<see cref="ArtifactHubFactory"/>, on the
/// test stack), a client per caller, the format under test, and ways to make repositories and look at what is stored.
/// </summary>
public abstract class RepositoryConformance<TSample>(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
    where TSample : FormatSample, new()
{
    protected ArtifactHubFactory Factory { get; } = factory;

    protected TSample Sample { get; } = new();

    protected HttpClient Admin { get; } = factory.CreateAdminClient();

    protected HttpClient Client { get; } = factory.CreateClient();

    protected static string Url(string repository, string path) => FormatSample.Url(repository, path);

    /// <summary>Creates a repository of the format: <paramref name="type"/> and <paramref name="settings"/> (name, format and type are filled in).</summary>
    protected async Task<string> CreateAsync(string type, IDictionary<string, object>? settings = null)
    {
        var name = $"{Sample.Format}-{type}-{Guid.NewGuid().ToString("N")[..8]}";
        var body = new Dictionary<string, object>(settings ?? new Dictionary<string, object>()) { ["name"] = name, ["format"] = Sample.Format, ["type"] = type };
        using var response = await Admin.PostAsJsonAsync("/api/v1/repositories", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return name;
    }

    protected Task<string> CreateHostedAsync() => CreateAsync("hosted");

    /// <summary>A proxy of <paramref name="upstream"/> with short timeouts, no negative cache, and the format's own settings; <paramref name="overrides"/> win.</summary>
    protected Task<string> CreateProxyAsync(StaticUpstream upstream, IDictionary<string, object>? overrides = null, bool online = true)
    {
        var proxy = new Dictionary<string, object>(Sample.ProxySettings)
        {
            ["upstream"] = upstream.BaseUrl,
            ["connectTimeoutSeconds"] = 2,
            ["readTimeoutSeconds"] = 2,
            ["negativeCacheMinutes"] = 0,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, object>())
        {
            proxy[key] = value;
        }

        return CreateAsync("proxy", new Dictionary<string, object> { ["proxy"] = proxy, ["online"] = online });
    }

    protected Task<string> CreateGroupAsync(params string[] members) =>
        CreateAsync("group", new Dictionary<string, object> { ["group"] = new { members } });

    protected async Task ChangeAsync(string repository, object change)
    {
        using var response = await Admin.PutAsJsonAsync($"/api/v1/repositories/{repository}", change);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Publishes <paramref name="artifact"/> to a hosted repository and insists on 201.</summary>
    protected async Task PublishAsync(string repository, SampleArtifact artifact)
    {
        using var response = await Sample.PublishAsync(Admin, repository, artifact);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Status, body and Warning header of a GET.</summary>
    protected async Task<(int Status, byte[] Body, string Warning)> GetAsync(string repository, string path)
    {
        using var response = await Client.GetAsync(Url(repository, path));
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response.Headers.Warning.ToString());
    }

    protected async Task<string> GetTextAsync(string repository, string path) =>
        System.Text.Encoding.UTF8.GetString((await GetAsync(repository, path)).Body);

    /// <summary>Makes the upstream fail as a theory's case says: it "answers 500" or "is stopped".</summary>
    protected static async Task FailAsync(StaticUpstream upstream, string failure)
    {
        if (failure == "is stopped")
        {
            await upstream.StopAsync();
        }
        else
        {
            upstream.Mode = StaticUpstream.Behaviour.Fail;
        }
    }

    /// <summary>How many asset and component rows the repository has.</summary>
    protected Task<(int Assets, int Components)> RowsAsync(string repository) => Factory.WithDbAsync(async db =>
    {
        var id = await db.Repositories.Where(r => r.Name == repository).Select(r => r.Id).SingleAsync();
        return (await db.Assets.CountAsync(a => a.RepositoryId == id), await db.Components.CountAsync(c => c.RepositoryId == id));
    });
}
