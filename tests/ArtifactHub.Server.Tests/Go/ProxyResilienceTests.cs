using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using ArtifactHub.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>Retries with jitter and a circuit breaker per upstream, seen from the go client's side.</summary>
public sealed class ProxyResilienceTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>, IAsyncLifetime
{
    private StaticUpstream upstream = null!;

    public async Task InitializeAsync() => upstream = await StaticUpstream.StartAsync();

    public async Task DisposeAsync() => await upstream.DisposeAsync();

    /// <summary>A server whose breakers open after two failed requests and stay open for one second.</summary>
    private WebApplicationFactory<Program> QuickBreakingServer() => factory.WithWebHostBuilder(b => b
        .UseSetting("ArtifactHub:Upstream:RetryBaseDelayMilliseconds", "10")
        .UseSetting("ArtifactHub:Upstream:MinimumThroughput", "2")
        .UseSetting("ArtifactHub:Upstream:BreakSeconds", "1"));

    private static HttpClient Admin(WebApplicationFactory<Program> server) => server.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword);

    private static Task<string> CreateProxyAsync(HttpClient admin, StaticUpstream of) =>
        admin.CreateProxyAsync("res", new Dictionary<string, object> { ["upstream"] = of.BaseUrl, ["connectTimeoutSeconds"] = 2, ["readTimeoutSeconds"] = 2 });

    /// <summary>Breaks the upstream's breaker: two requests that fail after their retries.</summary>
    private static async Task BreakAsync(HttpClient client, StaticUpstream of, string repo, string module)
    {
        of.Mode = StaticUpstream.Behaviour.Fail;
        foreach (var version in new[] { "v0.0.1", "v0.0.2" })
        {
            var (status, body) = await client.GetTextAsync(GoClient.Url(module, $"@v/{version}.info", repo));
            Assert.Equal(502, status);
            Assert.Contains("answered 500", body);
        }
    }

    [Fact]
    public async Task An_upstream_that_fails_once_is_asked_again_and_the_client_gets_the_file()
    {
        const string module = "example.com/res/once";
        upstream.Add(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        var repo = await CreateProxyAsync(factory.CreateAdminClient(), upstream);
        upstream.FailNext(1);

        var (status, body) = await factory.CreateClient().GetTextAsync(GoClient.Url(module, "@v/v1.0.0.info", repo));

        Assert.Equal(200, status);
        Assert.Contains("v1.0.0", body);
        Assert.Equal(2, upstream.Hits("example.com/res/once/@v/v1.0.0.info"));
    }

    [Fact]
    public async Task An_upstream_404_is_asked_once()
    {
        var repo = await CreateProxyAsync(factory.CreateAdminClient(), upstream);

        var (status, _) = await factory.CreateClient().GetTextAsync(GoClient.Url("example.com/res/absent", "@v/v1.0.0.mod", repo));

        Assert.Equal(404, status);
        Assert.Equal(1, upstream.Hits("example.com/res/absent/@v/v1.0.0.mod"));
    }

    [Fact]
    public async Task A_failing_upstream_is_left_alone_while_its_breaker_is_open_and_asked_again_after_the_break()
    {
        const string module = "example.com/res/broken";
        using var server = QuickBreakingServer();
        var client = server.CreateClient();
        var repo = await CreateProxyAsync(Admin(server), upstream);

        await BreakAsync(client, upstream, repo, module);
        Assert.Equal(6, upstream.TotalHits); // each failed request was tried three times
        foreach (var version in new[] { "v0.0.3", "v0.0.4", "v0.0.5" })
        {
            var (status, body) = await client.GetTextAsync(GoClient.Url(module, $"@v/{version}.info", repo));
            Assert.Equal(502, status);
            Assert.Contains("is failing; not asked again", body);
        }

        Assert.Equal(6, upstream.TotalHits);

        upstream.Mode = StaticUpstream.Behaviour.Serve;
        upstream.Add(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        var answer = await EventuallyAsync(() => client.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.info", repo)), a => !a.Body.Contains("is failing"));
        Assert.Equal(200, answer.Status);
        Assert.Equal(200, (await client.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.mod", repo))).Status);
    }

    [Fact]
    public async Task Breakers_are_kept_per_upstream_and_shared_by_its_repositories()
    {
        const string module = "example.com/res/apart";
        await using var healthy = await StaticUpstream.StartAsync();
        healthy.Add(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        using var server = QuickBreakingServer();
        var client = server.CreateClient();
        var admin = Admin(server);
        var onBroken = await CreateProxyAsync(admin, upstream);
        var alsoOnBroken = await CreateProxyAsync(admin, upstream);
        var onHealthy = await CreateProxyAsync(admin, healthy);

        await BreakAsync(client, upstream, onBroken, module);
        var hits = upstream.TotalHits;

        Assert.Equal(200, (await client.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.info", onHealthy))).Status);
        var (status, body) = await client.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.info", alsoOnBroken));
        Assert.Equal(502, status);
        Assert.Contains("is failing", body);
        Assert.Equal(hits, upstream.TotalHits);
    }

    [Fact]
    public async Task A_repositorys_own_connect_timeout_applies_to_an_upstream_that_never_accepts()
    {
        // A listener whose one-place accept queue is full: the kernel drops further SYNs, so connecting hangs.
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        silent.Listen(0);
        using var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await filler.ConnectAsync(silent.LocalEndPoint!);
        var name = "res-" + Guid.NewGuid().ToString("N")[..8];
        var proxy = new { upstream = $"http://{silent.LocalEndPoint}/", connectTimeoutSeconds = 1, readTimeoutSeconds = 30 };
        using var created = await factory.CreateAdminClient().PostAsJsonAsync("/api/v1/repositories", new { name, format = "go", type = "proxy", proxy });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (status, body) = await factory.CreateClient().GetTextAsync(GoClient.Url("example.com/res/silent", "@v/v1.0.0.info", name));

        Assert.Equal(504, status);
        Assert.Contains("no connection within 1 s", body);
    }

    [Fact]
    public void Bad_resilience_settings_stop_the_server_at_start()
    {
        using var server = factory.WithWebHostBuilder(b => b.UseSetting("ArtifactHub:Upstream:MinimumThroughput", "1"));

        var error = Assert.ThrowsAny<OptionsValidationException>(() => server.CreateClient());

        Assert.Contains("ArtifactHub:Upstream", error.Message);
    }

    /// <summary>Asks until the answer is what is awaited (at most ten seconds): a break ends in its own time.</summary>
    private static async Task<(int Status, string Body)> EventuallyAsync(Func<Task<(int Status, string Body)>> ask, Func<(int Status, string Body), bool> awaited)
    {
        var answer = await ask();
        for (var tries = 0; tries < 50 && !awaited(answer); tries++)
        {
            await Task.Delay(200);
            answer = await ask();
        }

        return answer;
    }
}
