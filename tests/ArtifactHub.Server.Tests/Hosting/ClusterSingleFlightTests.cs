using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Hosting;

/// <summary>Nodes on one PostgreSQL database fetch an uncached file from the upstream once between them.</summary>
public sealed class ClusterSingleFlightTests : IAsyncLifetime
{
    private const string Module = "example.com/cluster/lib";
    private CountingGoProxy upstream = null!;
    private ClusterNodes cluster = null!;

    public async Task InitializeAsync()
    {
        upstream = await CountingGoProxy.StartAsync();
        upstream.Delay = TimeSpan.FromMilliseconds(500);
        cluster = ClusterNodes.OnPostgreSql(3);
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        await upstream.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_requests_for_one_uncached_zip_through_three_nodes_make_one_upstream_request()
    {
        var zip = ModuleZipBuilder.Simple(Module, "v1.0.0");
        upstream.Add("example.com/cluster/lib/@v/v1.0.0.zip", zip);
        var repo = await CreateProxyAsync();
        var clients = cluster.Nodes.Select(n => n.CreateClient()).ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            clients[i % clients.Count].GetByteArrayAsync(GoClient.Url(Module, "@v/v1.0.0.zip", repo))));

        Assert.All(answers, bytes => Assert.Equal(zip, bytes));
        Assert.Equal(1, upstream.Hits("example.com/cluster/lib/@v/v1.0.0.zip"));
    }

    [Fact]
    public async Task Concurrent_requests_for_an_expired_list_through_three_nodes_make_one_upstream_request()
    {
        upstream.Add("example.com/cluster/lib/@v/list", "v1.0.0\nv1.1.0\n"u8.ToArray());
        var repo = await CreateProxyAsync();
        var clients = cluster.Nodes.Select(n => n.CreateClient()).ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            clients[i % clients.Count].GetTextAsync(GoClient.Url(Module, "@v/list", repo))));

        Assert.All(answers, a => Assert.Equal((200, "v1.0.0\nv1.1.0\n"), a));
        Assert.Equal(1, upstream.Hits("example.com/cluster/lib/@v/list"));
    }

    private Task<string> CreateProxyAsync() =>
        cluster.Admin(0).CreateProxyAsync("cluster", new Dictionary<string, object> { ["upstream"] = upstream.BaseUrl, ["metadataMaxAgeMinutes"] = 60 });
}
