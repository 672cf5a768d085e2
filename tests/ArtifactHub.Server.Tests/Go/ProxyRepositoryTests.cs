using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>
/// A Go proxy repository in front of a real static GOPROXY tree served over loopback HTTP. What every proxy does, whatever
/// its format (negative cache, offline, writes refused…), is in the proxy conformance suite (Conformance/).
/// </summary>
public sealed class ProxyRepositoryTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>, IAsyncLifetime
{
    private readonly HttpClient admin = factory.CreateAdminClient();
    private readonly HttpClient client = factory.CreateClient();
    private StaticUpstream upstream = null!;

    public async Task InitializeAsync() => upstream = await StaticUpstream.StartAsync();

    public async Task DisposeAsync() => await upstream.DisposeAsync();

    private Task<string> CreateProxyAsync(object? overrides = null) =>
        admin.CreateProxyAsync("proxy", new Dictionary<string, object> { ["upstream"] = upstream.BaseUrl, ["readTimeoutSeconds"] = 2, ["connectTimeoutSeconds"] = 2 }, overrides);

    /// <summary>
    /// v1.0.0 and v1.1.0 of <paramref name="module"/> upstream, and a proxy that has cached v1.0.0's zip and the list
    /// (and asks for the list every time); returns the proxy and v1.0.0's zip.
    /// </summary>
    private async Task<(string Repo, byte[] Zip)> WarmProxyAsync(string module)
    {
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");
        upstream.Add(module, "v1.0.0", zip);
        upstream.Add(module, "v1.1.0", ModuleZipBuilder.Simple(module, "v1.1.0"));
        var repo = await CreateProxyAsync(new { metadataMaxAgeMinutes = 0 });
        await client.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip", repo));
        await client.GetTextAsync(GoClient.Url(module, "@v/list", repo));
        return (repo, zip);
    }

    [Fact]
    public async Task Mod_zip_and_info_are_fetched_once_and_then_served_from_storage_with_their_hashes_recorded()
    {
        const string module = "example.com/Up/Lib";
        var zip = ModuleZipBuilder.Simple(module, "v1.2.3", null, ("lib.go", "package lib\n"));
        upstream.Add(module, "v1.2.3", zip);
        var repo = await CreateProxyAsync();

        foreach (var _ in Enumerable.Range(0, 3))
        {
            Assert.Equal(zip, await client.GetByteArrayAsync(GoClient.Url(module, "@v/v1.2.3.zip", repo)));
            Assert.Equal(200, (await client.GetTextAsync(GoClient.Url(module, "@v/v1.2.3.mod", repo))).Status);
            Assert.Equal(200, (await client.GetTextAsync(GoClient.Url(module, "@v/v1.2.3.info", repo))).Status);
        }

        Assert.Equal(1, upstream.Hits("example.com/!up/!lib/@v/v1.2.3.zip"));
        Assert.Equal(1, upstream.Hits("example.com/!up/!lib/@v/v1.2.3.mod"));
        Assert.Equal(1, upstream.Hits("example.com/!up/!lib/@v/v1.2.3.info"));

        var zipFile = Path.Combine(factory.DataDir, "proxied.zip");
        await File.WriteAllBytesAsync(zipFile, zip);
        var detail = await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{repo}/modules/{module}");
        var version = detail.GetProperty("versions")[0];
        Assert.Equal(await GoHashTool.HashZipAsync(zipFile), version.GetProperty("zipHash").GetString());
        Assert.Equal(await GoHashTool.HashGoModAsync(System.Text.Encoding.UTF8.GetBytes($"module {module}\n\ngo 1.19\n")), version.GetProperty("modHash").GetString());
    }

    [Fact]
    public async Task Fifty_parallel_requests_for_one_uncached_zip_make_one_upstream_request()
    {
        const string module = "example.com/up/parallel";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0", null, ("big.bin", new string('x', 2_000_000)));
        upstream.Add(module, "v1.0.0", zip);
        var repo = await CreateProxyAsync();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip", repo))));

        Assert.All(bodies, body => Assert.Equal(zip, body));
        Assert.Equal(1, upstream.Hits("example.com/up/parallel/@v/v1.0.0.zip"));
    }

    [Fact]
    public async Task The_list_is_fetched_again_only_when_older_than_the_max_age()
    {
        const string module = "example.com/up/list";
        upstream.Add(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        var cached = await CreateProxyAsync(new { metadataMaxAgeMinutes = 30 });
        var always = await CreateProxyAsync(new { metadataMaxAgeMinutes = 0 });

        Assert.Equal("v1.0.0\n", (await client.GetTextAsync(GoClient.Url(module, "@v/list", cached))).Body);
        Assert.Equal("v1.0.0\n", (await client.GetTextAsync(GoClient.Url(module, "@v/list", always))).Body);
        upstream.Add(module, "v1.1.0", ModuleZipBuilder.Simple(module, "v1.1.0"));

        Assert.Equal("v1.0.0\n", (await client.GetTextAsync(GoClient.Url(module, "@v/list", cached))).Body);
        Assert.Equal("v1.0.0\nv1.1.0\n", (await client.GetTextAsync(GoClient.Url(module, "@v/list", always))).Body);
        Assert.Equal(3, upstream.Hits("example.com/up/list/@v/list"));
    }

    [Fact]
    public async Task When_the_upstream_fails_the_cache_still_serves_and_a_stale_list_says_so()
    {
        const string module = "example.com/up/stale";
        var (repo, zip) = await WarmProxyAsync(module);

        upstream.Mode = StaticUpstream.Behaviour.Fail;

        Assert.Equal(zip, await client.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip", repo)));
        using var list = await client.GetAsync(GoClient.Url(module, "@v/list", repo));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("v1.0.0\nv1.1.0\n", await list.Content.ReadAsStringAsync());
        Assert.Contains("stale", list.Headers.Warning.ToString(), StringComparison.OrdinalIgnoreCase);

        var (status, body) = await client.GetTextAsync(GoClient.Url(module, "@v/v1.1.0.zip", repo));
        Assert.Equal(502, status);
        Assert.Contains("answered 500", body);
    }

    [Fact]
    public async Task An_unreachable_upstream_with_nothing_cached_is_a_502_and_a_hanging_one_a_504()
    {
        const string module = "example.com/up/down";
        upstream.Add(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        var repo = await CreateProxyAsync(new { readTimeoutSeconds = 1, connectTimeoutSeconds = 1 });

        upstream.Mode = StaticUpstream.Behaviour.Hang;
        var (hangStatus, hangBody) = await client.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.info", repo));
        Assert.Equal(504, hangStatus);
        Assert.Contains("did not answer in time", hangBody);

        await upstream.StopAsync();
        var (downStatus, downBody) = await client.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.mod", repo));
        Assert.Equal(502, downStatus);
        Assert.Contains("could not be reached", downBody);
    }

    [Fact]
    public async Task Blocked_module_paths_are_never_sent_upstream()
    {
        upstream.Add("corp.example.com/secret/lib", "v1.0.0", ModuleZipBuilder.Simple("corp.example.com/secret/lib", "v1.0.0"));
        var blocking = await CreateProxyAsync(new { block = new[] { "*.example.com", "private.dev/team" } });
        var allowing = await CreateProxyAsync(new { allow = new[] { "golang.org/x" } });

        Assert.Equal(404, (await client.GetTextAsync(GoClient.Url("corp.example.com/secret/lib", "@v/list", blocking))).Status);
        Assert.Equal(404, (await client.GetTextAsync(GoClient.Url("private.dev/team/thing", "@v/v1.0.0.zip", blocking))).Status);
        Assert.Equal(404, (await client.GetTextAsync(GoClient.Url("corp.example.com/secret/lib", "@v/v1.0.0.info", allowing))).Status);
        Assert.Equal(0, upstream.TotalHits);
    }

    [Theory]
    [InlineData("""{"name":"p1","format":"go","type":"proxy"}""", "Proxy")]
    [InlineData("""{"name":"p2","format":"go","type":"proxy","proxy":{"upstream":"ftp://example.com"}}""", "Proxy.Upstream")]
    [InlineData("""{"name":"p3","format":"go","type":"proxy","proxy":{"upstream":"not a url"}}""", "Proxy.Upstream")]
    [InlineData("""{"name":"p4","format":"go","type":"hosted","proxy":{"upstream":"https://proxy.golang.org"}}""", "Proxy")]
    public async Task A_proxy_needs_a_valid_upstream(string json, string field)
    {
        using var response = await admin.PostAsync("/api/v1/repositories", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Fields are named as the JSON body spells them (proxy.authentication.type); compared as the UI does, ignoring case.
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
    }
}
