using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using static ArtifactHub.Server.Tests.FakeSumDbFiles;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>
/// A Go proxy repository proxying a checksum database (<c>sumdb/$name/…</c>) served by a real static file server
/// over loopback, laid out as sum.golang.org serves it: supported, lookup, latest and tiles.
/// </summary>
public sealed class ProxySumDbTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>, IAsyncLifetime
{
    private readonly HttpClient admin = factory.CreateAdminClient();
    private readonly HttpClient client = factory.CreateClient();
    private StaticUpstream upstream = null!;

    public async Task InitializeAsync() => upstream = await StaticUpstream.StartAsync();

    public async Task DisposeAsync() => await upstream.DisposeAsync();

    /// <summary>
    /// A proxy whose module upstream is a folder of the same static server (so a request sent there by mistake is
    /// counted too) and whose checksum database <see cref="Db"/> is the static server's root.
    /// </summary>
    private Task<string> CreateProxyAsync(object? overrides = null, bool online = true, int latestMaxAgeSeconds = 3600, bool withDatabase = true)
    {
        var proxy = new Dictionary<string, object>
        {
            ["upstream"] = upstream.BaseUrl + "goproxy/",
            ["readTimeoutSeconds"] = 2,
            ["connectTimeoutSeconds"] = 2,
        };
        if (withDatabase)
        {
            proxy["checksumDatabases"] = new[] { new { name = Db, url = upstream.BaseUrl, latestMaxAgeSeconds } };
        }

        return admin.CreateProxyAsync("sumdb", proxy, overrides, online);
    }

    [Fact]
    public async Task Supported_is_an_empty_200_for_a_configured_database_and_a_404_for_any_other_without_asking_anyone()
    {
        var repo = await CreateProxyAsync();

        using var supported = await client.GetAsync(SumDb(repo, "supported"));
        using var unconfigured = await client.GetAsync(SumDb(repo, "supported", "sum.golang.org"));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, SumDb(repo, "supported")));

        Assert.Equal(HttpStatusCode.OK, supported.StatusCode);
        Assert.Empty(await supported.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, unconfigured.StatusCode);
        Assert.Contains("sum.golang.org", await unconfigured.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(0, upstream.TotalHits);
    }

    [Fact]
    public async Task A_proxy_created_without_checksum_databases_proxies_sum_golang_org_and_one_created_with_an_empty_list_proxies_none()
    {
        var byDefault = await CreateProxyAsync(withDatabase: false);
        var none = await CreateProxyAsync(new { checksumDatabases = Array.Empty<object>() }, withDatabase: false);

        using var defaultSupported = await client.GetAsync(SumDb(byDefault, "supported", "sum.golang.org"));
        using var noneSupported = await client.GetAsync(SumDb(none, "supported", "sum.golang.org"));
        using var noneLookup = await client.GetAsync(SumDb(none, "lookup/golang.org/x/text@v0.3.0", "sum.golang.org"));

        Assert.Equal(HttpStatusCode.OK, defaultSupported.StatusCode);
        Assert.Empty(await defaultSupported.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, noneSupported.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noneLookup.StatusCode);

        var shown = await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{byDefault}");
        var database = shown.GetProperty("proxy").GetProperty("checksumDatabases").EnumerateArray().Single();
        Assert.Equal("sum.golang.org", database.GetProperty("name").GetString());
        Assert.Equal("https://sum.golang.org", database.GetProperty("url").GetString());
        Assert.Equal(60, database.GetProperty("latestMaxAgeSeconds").GetInt32());
        var empty = await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{none}");
        Assert.Equal(0, empty.GetProperty("proxy").GetProperty("checksumDatabases").GetArrayLength());
        Assert.Equal(0, upstream.TotalHits);
    }

    [Fact]
    public async Task The_go_proxy_created_on_first_start_tells_the_go_command_it_proxies_sum_golang_org()
    {
        using var supported = await client.GetAsync("/repository/go-proxy/sumdb/sum.golang.org/supported");
        using var group = await client.GetAsync("/repository/go-group/sumdb/sum.golang.org/supported");

        Assert.Equal(HttpStatusCode.OK, supported.StatusCode);
        Assert.Empty(await supported.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, group.StatusCode);
    }

    [Fact]
    public async Task Hash_partial_and_data_tiles_are_fetched_once_and_then_served_from_storage_as_immutable()
    {
        var repo = await CreateProxyAsync();
        var tiles = new Dictionary<string, byte[]>
        {
            ["tile/8/0/000"] = upstream.Serve("tile/8/0/000", HashTile(256)),
            ["tile/8/0/001.p/5"] = upstream.Serve("tile/8/0/001.p/5", HashTile(5)),
            ["tile/8/1/x001/234"] = upstream.Serve("tile/8/1/x001/234", HashTile(256)),
            ["tile/8/data/001.p/2"] = upstream.Serve("tile/8/data/001.p/2", Record("golang.org/x/text", "v0.3.0") + "\n" + Record("rsc.io/quote", "v1.5.2") + "\n"),
        };

        foreach (var _ in Enumerable.Range(0, 3))
        {
            foreach (var (rest, content) in tiles)
            {
                using var response = await client.GetAsync(SumDb(repo, rest));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
                Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
            }
        }

        foreach (var rest in tiles.Keys)
        {
            Assert.Equal(1, upstream.Hits(rest));
        }

        Assert.Equal(tiles.Count, upstream.TotalHits);
        using var hashTile = await client.GetAsync(SumDb(repo, "tile/8/0/000"));
        Assert.Equal("application/octet-stream", hashTile.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_lookup_is_fetched_once_with_its_escaped_module_path_unchanged_and_then_served_from_storage()
    {
        var repo = await CreateProxyAsync();
        var azure = upstream.Serve("lookup/github.com/!azure/azure-sdk-for-go@v1.2.0", Lookup("github.com/Azure/azure-sdk-for-go", "v1.2.0", 41));
        var incompatible = upstream.Serve("lookup/example.com/old@v2.0.0+incompatible", Lookup("example.com/old", "v2.0.0+incompatible", 42));

        foreach (var _ in Enumerable.Range(0, 3))
        {
            using var response = await client.GetAsync(SumDb(repo, "lookup/github.com/!azure/azure-sdk-for-go@v1.2.0"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(azure, await response.Content.ReadAsByteArrayAsync());
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
            Assert.Equal(incompatible, await client.GetByteArrayAsync(SumDb(repo, "lookup/example.com/old@v2.0.0+incompatible")));
        }

        Assert.Equal(1, upstream.Hits("lookup/github.com/!azure/azure-sdk-for-go@v1.2.0"));
        Assert.Equal(1, upstream.Hits("lookup/example.com/old@v2.0.0+incompatible"));
        Assert.Equal(2, upstream.TotalHits);
    }

    [Fact]
    public async Task A_missing_lookup_is_a_404_remembered_for_the_negative_cache_time()
    {
        var remembering = await CreateProxyAsync(new { negativeCacheMinutes = 5 });
        var forgetting = await CreateProxyAsync(new { negativeCacheMinutes = 0 });

        foreach (var repo in new[] { remembering, remembering, forgetting, forgetting })
        {
            Assert.Equal(404, (await client.GetTextAsync(SumDb(repo, "lookup/example.com/missing@v1.0.0"))).Status);
        }

        Assert.Equal(3, upstream.Hits("lookup/example.com/missing@v1.0.0"));

        // Remembered even once the database has it: the go command asks again later, we answer from memory till then.
        upstream.Serve("lookup/example.com/missing@v1.0.0", Lookup("example.com/missing", "v1.0.0", 7));
        Assert.Equal(404, (await client.GetTextAsync(SumDb(remembering, "lookup/example.com/missing@v1.0.0"))).Status);
        Assert.Equal(200, (await client.GetTextAsync(SumDb(forgetting, "lookup/example.com/missing@v1.0.0"))).Status);
        Assert.Equal(4, upstream.Hits("lookup/example.com/missing@v1.0.0"));
    }

    [Fact]
    public async Task Latest_is_fetched_again_only_when_older_than_the_databases_max_age()
    {
        var always = await CreateProxyAsync(latestMaxAgeSeconds: 0);
        var hourly = await CreateProxyAsync(latestMaxAgeSeconds: 3600);
        var first = upstream.Serve("latest", Note(1000, "first"));

        Assert.Equal(first, await client.GetByteArrayAsync(SumDb(always, "latest")));
        Assert.Equal(first, await client.GetByteArrayAsync(SumDb(hourly, "latest")));
        var second = upstream.Serve("latest", Note(1042, "second"));

        using var refreshed = await client.GetAsync(SumDb(always, "latest"));
        Assert.Equal(second, await refreshed.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("immutable", refreshed.Headers.CacheControl?.ToString() ?? "");
        Assert.Equal(first, await client.GetByteArrayAsync(SumDb(hourly, "latest")));
        Assert.Equal(second, await client.GetByteArrayAsync(SumDb(always, "latest")));
        Assert.Equal(4, upstream.Hits("latest"));
    }

    [Fact]
    public async Task When_the_database_fails_a_cached_latest_is_served_stale_with_a_warning_and_an_uncached_one_is_a_502()
    {
        var warmed = await CreateProxyAsync(latestMaxAgeSeconds: 0);
        var cold = await CreateProxyAsync(latestMaxAgeSeconds: 0);
        var note = upstream.Serve("latest", Note(2000, "stale"));
        Assert.Equal(note, await client.GetByteArrayAsync(SumDb(warmed, "latest")));

        upstream.Mode = StaticUpstream.Behaviour.Fail;

        using var stale = await client.GetAsync(SumDb(warmed, "latest"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(note, await stale.Content.ReadAsByteArrayAsync());
        Assert.Contains("stale", stale.Headers.Warning.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(502, (await client.GetTextAsync(SumDb(cold, "latest"))).Status);
    }

    [Theory]
    [InlineData("sumdb/sum.example.test/tile/8/0/abc", 404)]
    [InlineData("sumdb/sum.example.test/tile/8/0/1000", 404)]
    [InlineData("sumdb/sum.example.test/tile/31/0/000", 404)]
    [InlineData("sumdb/sum.example.test/tile/8/0/000.p/0", 404)]
    [InlineData("sumdb/sum.example.test/tile/8/0/000.p", 404)]
    [InlineData("sumdb/sum.example.test/tile/8/0/000/extra", 404)]
    [InlineData("sumdb/sum.example.test/other", 404)]
    [InlineData("sumdb/sum.example.test/", 404)]
    [InlineData("sumdb/sum.example.test", 404)]
    [InlineData("sumdb/sum.example.test/latest/x", 404)]
    [InlineData("sumdb/sum.example.test/supported/x", 404)]
    [InlineData("sumdb/bad name/supported", 404)]
    [InlineData("sumdb/-dash.example/supported", 404)]
    [InlineData("sumdb/sum.example.test/lookup/Example.com/A@v1.0.0", 400)]
    [InlineData("sumdb/sum.example.test/lookup/example.com/a", 400)]
    [InlineData("sumdb/sum.example.test/lookup/example.com/a@latest", 400)]
    [InlineData("sumdb/sum.example.test/lookup/example.com/a@master", 400)]
    [InlineData("sumdb/sum.example.test/lookup/@v1.0.0", 400)]
    [InlineData("sumdb/sum.example.test/lookup/nodot/a@v1.0.0", 400)]
    [InlineData("sumdb/sum.example.test/tile/8/0/..%2F..%2Fsecret", 404)]
    [InlineData("sumdb/sum.example.test/lookup/..%2F..%2Fsecret@v1.0.0", 400)]
    [InlineData("sumdb/sum.example.test/lookup/example.com/%2E%2E/%2E%2E/secret@v1.0.0", 404)] // the dot segments are resolved before routing: sumdb/sum.example.test/secret@v1.0.0
    [InlineData("sumdb/sum.example.test/lookup/example.com/a@v1.0", 400)]
    [InlineData("sumdb/sum.example.test/lookup/example.com/a@v1.0.0+build", 400)]
    [InlineData("sumdb/sum.example.test/lookup/example.com/a@v1.0.0/go.mod", 400)]
    [InlineData("sumdb/..%2F..%2Fetc/supported", 404)]
    [InlineData("sumdb/SUM.EXAMPLE.TEST/supported", 404)] // names are exact, as GOSUMDB's are
    [InlineData("sumdb/SUM.EXAMPLE.TEST/tile/8/0/000", 404)]
    public async Task Paths_outside_the_checksum_database_protocol_are_refused_and_never_forwarded(string path, int status)
    {
        var repo = await CreateProxyAsync();
        upstream.Serve("secret", "not for you\n");

        var (actual, _) = await client.GetTextAsync($"/repository/{repo}/{path}");

        Assert.Equal(status, actual);
        Assert.Equal(0, upstream.TotalHits);
    }

    /// <summary>tlog.ParseTilePath accepts only the canonical spelling of a tile (what tlog.Tile.Path writes).</summary>
    [Theory]
    [InlineData("tile/8/0/000.p/256")]
    [InlineData("tile/8/0/000.p/1000")]
    [InlineData("tile/8/00/000")]
    [InlineData("tile/8/0/x000/001")]
    [InlineData("tile/8/data/x000/000.p/3")]
    public async Task Tile_paths_not_spelled_as_tlog_writes_them_are_never_forwarded(string rest)
    {
        var repo = await CreateProxyAsync();

        var (status, _) = await client.GetTextAsync(SumDb(repo, rest));

        Assert.Equal(404, status);
        Assert.Equal(0, upstream.TotalHits);
    }

    [Fact]
    public async Task Lookups_of_module_paths_outside_the_allow_and_block_rules_are_404_without_asking_the_database()
    {
        upstream.Serve("lookup/corp.example/secret/lib@v1.0.0", Lookup("corp.example/secret/lib", "v1.0.0", 1));
        upstream.Serve("lookup/example.com/public@v1.0.0", Lookup("example.com/public", "v1.0.0", 2));
        var tile = upstream.Serve("tile/8/0/000", HashTile(256));
        var blocking = await CreateProxyAsync(new { block = new[] { "corp.example/*" } });
        var allowing = await CreateProxyAsync(new { allow = new[] { "example.com" } });

        Assert.Equal(404, (await client.GetTextAsync(SumDb(blocking, "lookup/corp.example/secret/lib@v1.0.0"))).Status);
        Assert.Equal(404, (await client.GetTextAsync(SumDb(blocking, "lookup/corp.example/secret/!lib@v1.0.0"))).Status);
        Assert.Equal(404, (await client.GetTextAsync(SumDb(allowing, "lookup/corp.example/secret/lib@v1.0.0"))).Status);
        Assert.Equal(0, upstream.TotalHits);

        // What is not a module path still goes through: tiles name no module, and allowed modules are looked up.
        Assert.Equal(200, (await client.GetTextAsync(SumDb(blocking, "lookup/example.com/public@v1.0.0"))).Status);
        Assert.Equal(200, (await client.GetTextAsync(SumDb(allowing, "lookup/example.com/public@v1.0.0"))).Status);
        Assert.Equal(tile, await client.GetByteArrayAsync(SumDb(blocking, "tile/8/0/000")));
        Assert.Equal(0, upstream.Hits("lookup/corp.example/secret/lib@v1.0.0"));
    }

    [Fact]
    public async Task A_proxy_created_offline_answers_404_for_what_it_has_not_cached_and_sends_nothing()
    {
        upstream.Serve("tile/8/0/000", HashTile(256));
        upstream.Serve("latest", Note(10, "offline"));
        var repo = await CreateProxyAsync(online: false, latestMaxAgeSeconds: 0);

        var (tileStatus, tileBody) = await client.GetTextAsync(SumDb(repo, "tile/8/0/000"));
        Assert.Equal(404, tileStatus);
        Assert.Contains("offline", tileBody);
        Assert.Equal(404, (await client.GetTextAsync(SumDb(repo, "latest"))).Status);
        Assert.Equal(404, (await client.GetTextAsync(SumDb(repo, "lookup/example.com/a@v1.0.0"))).Status);
        Assert.Equal(0, upstream.TotalHits);
    }

    [Fact]
    public async Task A_proxy_switched_offline_serves_its_cached_tiles_lookups_and_latest_and_sends_nothing()
    {
        var tile = upstream.Serve("tile/8/0/000", HashTile(256));
        upstream.Serve("tile/8/0/001", HashTile(256));
        var lookup = upstream.Serve("lookup/example.com/a@v1.0.0", Lookup("example.com/a", "v1.0.0", 3));
        var latest = upstream.Serve("latest", Note(300, "before offline"));
        var repo = await CreateProxyAsync(latestMaxAgeSeconds: 0);
        Assert.Equal(tile, await client.GetByteArrayAsync(SumDb(repo, "tile/8/0/000")));
        Assert.Equal(lookup, await client.GetByteArrayAsync(SumDb(repo, "lookup/example.com/a@v1.0.0")));
        Assert.Equal(latest, await client.GetByteArrayAsync(SumDb(repo, "latest")));
        using (var offline = await admin.PutAsJsonAsync($"/api/v1/repositories/{repo}", new { online = false }))
        {
            Assert.Equal(HttpStatusCode.OK, offline.StatusCode);
        }

        upstream.Serve("latest", Note(301, "while offline"));
        var hits = upstream.TotalHits;

        Assert.Equal(tile, await client.GetByteArrayAsync(SumDb(repo, "tile/8/0/000")));
        Assert.Equal(lookup, await client.GetByteArrayAsync(SumDb(repo, "lookup/example.com/a@v1.0.0")));
        Assert.Equal(latest, await client.GetByteArrayAsync(SumDb(repo, "latest")));
        Assert.Equal(200, (await client.GetTextAsync(SumDb(repo, "supported"))).Status);
        var (status, body) = await client.GetTextAsync(SumDb(repo, "tile/8/0/001"));
        Assert.Equal(404, status);
        Assert.Contains("offline", body);
        Assert.Equal(hits, upstream.TotalHits);
    }

    [Theory]
    [InlineData("PUT", "tile/8/0/000")]
    [InlineData("PUT", "lookup/example.com/a@v1.0.0")]
    [InlineData("PUT", "latest")]
    [InlineData("PUT", "supported")]
    [InlineData("DELETE", "tile/8/0/000")]
    [InlineData("DELETE", "latest")]
    public async Task Writing_to_a_checksum_database_is_refused(string method, string rest)
    {
        var repo = await CreateProxyAsync();

        using var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), SumDb(repo, rest)) { Content = new ByteArrayContent(HashTile(1)) });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(0, upstream.TotalHits);
    }

    [Fact]
    public async Task Fifty_parallel_requests_for_one_uncached_tile_make_one_database_request()
    {
        var tile = upstream.Serve("tile/8/0/x123/456", HashTile(256));
        var repo = await CreateProxyAsync();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetByteArrayAsync(SumDb(repo, "tile/8/0/x123/456"))));

        Assert.All(bodies, body => Assert.Equal(tile, body));
        Assert.Equal(1, upstream.Hits("tile/8/0/x123/456"));
        Assert.Equal(1, upstream.TotalHits);
    }

    [Fact]
    public async Task A_database_url_with_a_path_gets_the_request_under_that_path()
    {
        var lookup = upstream.Serve("mirror/sumdb/sum.golang.org/lookup/golang.org/x/text@v0.3.0", Lookup("golang.org/x/text", "v0.3.0", 5));
        var repo = await CreateProxyAsync(new
        {
            checksumDatabases = new[] { new { name = "sum.golang.org", url = upstream.BaseUrl + "mirror/sumdb/sum.golang.org", latestMaxAgeSeconds = 60 } },
        });

        Assert.Equal(lookup, await client.GetByteArrayAsync(SumDb(repo, "lookup/golang.org/x/text@v0.3.0", "sum.golang.org")));
        Assert.Equal(1, upstream.Hits("mirror/sumdb/sum.golang.org/lookup/golang.org/x/text@v0.3.0"));
    }
}
