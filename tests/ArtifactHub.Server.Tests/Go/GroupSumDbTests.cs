using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using static ArtifactHub.Server.Tests.FakeSumDbFiles;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>Checksum-database requests (<c>sumdb/$name/…</c>) through a group: answered by the first member that proxies the database.</summary>
public sealed class GroupSumDbTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>, IAsyncLifetime
{
    private readonly HttpClient admin = factory.CreateAdminClient();
    private readonly HttpClient client = factory.CreateClient();
    private StaticUpstream upstream = null!;

    public async Task InitializeAsync() => upstream = await StaticUpstream.StartAsync();

    public async Task DisposeAsync() => await upstream.DisposeAsync();

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private Task<string> CreateAsync(object repository) => admin.CreateRepositoryAsync(repository);

    private Task<string> HostedAsync() => CreateAsync(new { name = NewName("h"), format = "go", type = "hosted" });

    /// <summary>A proxy whose checksum database <paramref name="database"/> is the static server's root (none: an empty list).</summary>
    private Task<string> ProxyAsync(string? database = Db) => CreateAsync(new
    {
        name = NewName("p"),
        format = "go",
        type = "proxy",
        proxy = new
        {
            upstream = upstream.BaseUrl + "goproxy/",
            negativeCacheMinutes = 0,
            connectTimeoutSeconds = 2,
            readTimeoutSeconds = 2,
            checksumDatabases = database is null ? [] : new[] { new { name = database, url = upstream.BaseUrl, latestMaxAgeSeconds = 3600 } },
        },
    });

    private Task<string> GroupAsync(params string[] members) => CreateAsync(new { name = NewName("g"), format = "go", type = "group", group = new { members } });

    [Fact]
    public async Task A_group_over_a_hosted_repository_and_a_proxy_answers_sumdb_requests_through_the_proxy_fetching_each_once()
    {
        var lookup = upstream.Serve("lookup/example.com/grp@v1.0.0", Lookup("example.com/grp", "v1.0.0", 12));
        var tile = upstream.Serve("tile/8/0/000", HashTile());
        var group = await GroupAsync(await HostedAsync(), await ProxyAsync());

        using var supported = await client.GetAsync(SumDb(group, "supported"));
        Assert.Equal(HttpStatusCode.OK, supported.StatusCode);
        Assert.Empty(await supported.Content.ReadAsByteArrayAsync());
        foreach (var _ in Enumerable.Range(0, 3))
        {
            using var response = await client.GetAsync(SumDb(group, "lookup/example.com/grp@v1.0.0"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(lookup, await response.Content.ReadAsByteArrayAsync());
            Assert.Null(response.Headers.Warning.FirstOrDefault());
            Assert.Equal(tile, await client.GetByteArrayAsync(SumDb(group, "tile/8/0/000")));
        }

        Assert.Equal(1, upstream.Hits("lookup/example.com/grp@v1.0.0"));
        Assert.Equal(1, upstream.Hits("tile/8/0/000"));
        Assert.Equal(2, upstream.TotalHits);
        Assert.Equal(404, (await client.GetTextAsync(SumDb(group, "supported", "sum.other.test"))).Status);
    }

    [Fact]
    public async Task The_first_member_that_proxies_the_database_answers_and_members_without_it_are_passed_over()
    {
        var lookup = upstream.Serve("lookup/example.com/second@v1.0.0", Lookup("example.com/second", "v1.0.0", 13));
        var withoutDatabases = await ProxyAsync(database: null);
        var otherDatabase = await ProxyAsync(database: "sum.other.test");
        var group = await GroupAsync(withoutDatabases, otherDatabase, await HostedAsync(), await ProxyAsync());

        Assert.Equal(200, (await client.GetTextAsync(SumDb(group, "supported"))).Status);
        Assert.Equal(200, (await client.GetTextAsync(SumDb(group, "supported", "sum.other.test"))).Status);
        Assert.Equal(lookup, await client.GetByteArrayAsync(SumDb(group, "lookup/example.com/second@v1.0.0")));
        Assert.Equal(1, upstream.Hits("lookup/example.com/second@v1.0.0"));
    }

    [Fact]
    public async Task A_group_of_hosted_repositories_proxies_no_checksum_database_and_a_hosted_repository_neither()
    {
        var hosted = await HostedAsync();
        var group = await GroupAsync(hosted, await HostedAsync());

        foreach (var repo in new[] { group, hosted })
        {
            Assert.Equal(404, (await client.GetTextAsync(SumDb(repo, "supported"))).Status);
            Assert.Equal(404, (await client.GetTextAsync(SumDb(repo, "supported", "sum.golang.org"))).Status);
            Assert.Equal(404, (await client.GetTextAsync(SumDb(repo, "lookup/example.com/a@v1.0.0"))).Status);
            Assert.Equal(404, (await client.GetTextAsync(SumDb(repo, "tile/8/0/000"))).Status);
            Assert.Equal(404, (await client.GetTextAsync(SumDb(repo, "latest"))).Status);
        }

        Assert.Equal(0, upstream.TotalHits);
    }

    [Fact]
    public async Task Nothing_found_is_a_404_but_nothing_found_while_the_database_failed_is_a_502_naming_the_member()
    {
        var proxy = await ProxyAsync();
        var group = await GroupAsync(proxy, await HostedAsync());

        Assert.Equal(404, (await client.GetTextAsync(SumDb(group, "lookup/example.com/nowhere@v1.0.0"))).Status);

        upstream.Mode = StaticUpstream.Behaviour.Fail;
        var (status, body) = await client.GetTextAsync(SumDb(group, "lookup/example.com/nowhere2@v1.0.0"));
        Assert.Equal(502, status);
        Assert.Contains(proxy, body);
        Assert.Equal(200, (await client.GetTextAsync(SumDb(group, "supported"))).Status);
    }

    [Fact]
    public async Task Malformed_paths_and_writes_through_a_group_are_refused_before_any_member_is_asked()
    {
        var group = await GroupAsync(await HostedAsync(), await ProxyAsync());

        Assert.Equal(404, (await client.GetTextAsync(SumDb(group, "tile/8/0/abc"))).Status);
        Assert.Equal(404, (await client.GetTextAsync(SumDb(group, "tile/8/0/..%2F..%2Fsecret"))).Status);
        Assert.Equal(400, (await client.GetTextAsync(SumDb(group, "lookup/Example.com/A@v1.0.0"))).Status);
        using var put = await admin.PutAsync(SumDb(group, "tile/8/0/000"), new ByteArrayContent(HashTile()));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(0, upstream.TotalHits);
    }
}
