using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ArtifactHub.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>
/// Downloads of a version's .zip are counted in the repository that served it (a hosted or proxy repository, also
/// when reached through a group) and shown by the browse API once written (every 0.1 s here, and at shutdown).
/// </summary>
public sealed class DownloadCountTests(DownloadCountTests.FastFlush fixture) : IClassFixture<DownloadCountTests.FastFlush>, IAsyncLifetime
{
    private readonly HttpClient admin = fixture.Server.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword);
    private readonly HttpClient client = fixture.Server.CreateClient();
    private StaticUpstream upstream = null!;

    public async Task InitializeAsync() => upstream = await StaticUpstream.StartAsync();

    public async Task DisposeAsync() => await upstream.DisposeAsync();

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Zip_downloads_are_counted_per_version_but_not_heads_revalidations_or_other_files()
    {
        const string module = "example.com/downloads/hosted";
        var repository = await admin.CreateRepositoryAsync(new { name = NewName("dl"), format = "go", type = "hosted" });
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"), repository);
        await admin.PublishAsync(module, "v1.1.0", ModuleZipBuilder.Simple(module, "v1.1.0"), repository);
        var zip = GoClient.Url(module, "@v/v1.0.0.zip", repository);

        await client.GetByteArrayAsync(zip);
        await client.GetByteArrayAsync(zip);
        await client.GetByteArrayAsync(GoClient.Url(module, "@v/v1.1.0.zip", repository));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, zip))).StatusCode);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, zip);
        revalidate.Headers.IfNoneMatch.Add(new EntityTagHeaderValue((await client.GetAsync(zip)).Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidate)).StatusCode);
        await client.GetStringAsync(GoClient.Url(module, "@v/v1.0.0.mod", repository));
        await client.GetStringAsync(GoClient.Url(module, "@v/v1.0.0.info", repository));
        await client.GetStringAsync(GoClient.Url(module, "@v/list", repository));

        // Three GETs of v1.0.0's zip sent it in full (two, and the one that fetched the ETag), one of v1.1.0's.
        await EventuallyAsync(async () => await VersionDownloadsAsync(repository, module) == (3, 1));
        Assert.Equal(3, (await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{repository}/versions/{module}@v1.0.0")).GetProperty("downloads").GetInt64());
        var summary = (await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{repository}/modules")).GetProperty("items")[0];
        Assert.Equal(4, summary.GetProperty("downloads").GetInt64());
    }

    [Fact]
    public async Task A_proxy_counts_the_downloads_it_serves_the_first_that_fetched_included()
    {
        const string module = "example.com/downloads/proxied";
        upstream.Add(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        var proxy = await admin.CreateProxyAsync("dl-proxy", new Dictionary<string, object> { ["upstream"] = upstream.BaseUrl });

        await client.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip", proxy));
        await client.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip", proxy));

        await EventuallyAsync(async () => await DownloadsAsync(proxy, module, "v1.0.0") == 2);
        Assert.Equal(1, upstream.Hits("example.com/downloads/proxied/@v/v1.0.0.zip"));
    }

    [Fact]
    public async Task Through_a_group_the_member_that_served_the_zip_counts_it()
    {
        const string hostedModule = "example.com/downloads/grouped-hosted";
        const string proxiedModule = "example.com/downloads/grouped-proxied";
        var hosted = await admin.CreateRepositoryAsync(new { name = NewName("dl-h"), format = "go", type = "hosted" });
        var proxy = await admin.CreateProxyAsync("dl-p", new Dictionary<string, object> { ["upstream"] = upstream.BaseUrl });
        var group = await admin.CreateRepositoryAsync(new { name = NewName("dl-g"), format = "go", type = "group", group = new { members = new[] { hosted, proxy } } });
        await admin.PublishAsync(hostedModule, "v1.0.0", ModuleZipBuilder.Simple(hostedModule, "v1.0.0"), hosted);
        upstream.Add(proxiedModule, "v1.0.0", ModuleZipBuilder.Simple(proxiedModule, "v1.0.0"));

        await client.GetByteArrayAsync(GoClient.Url(hostedModule, "@v/v1.0.0.zip", group));
        await client.GetByteArrayAsync(GoClient.Url(proxiedModule, "@v/v1.0.0.zip", group));
        await client.GetByteArrayAsync(GoClient.Url(proxiedModule, "@v/v1.0.0.zip", group));

        await EventuallyAsync(async () => await DownloadsAsync(hosted, hostedModule, "v1.0.0") == 1 && await DownloadsAsync(proxy, proxiedModule, "v1.0.0") == 2);
        Assert.Equal(1, await DownloadsAsync(group, hostedModule, "v1.0.0")); // the group shows its member's count
        Assert.Equal(2, await DownloadsAsync(group, proxiedModule, "v1.0.0"));
    }

    [Fact]
    public async Task Counts_not_yet_written_are_written_when_the_server_stops()
    {
        const string module = "example.com/downloads/shutdown";
        using var factory = new ArtifactHubFactory();
        WebApplicationFactory<Program> Server() => factory.WithWebHostBuilder(b => b.UseSetting("ArtifactHub:Downloads:FlushIntervalSeconds", "3600"));
        var first = Server();
        var admin1 = first.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword);
        await admin1.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        await first.CreateClient().GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip"));
        Assert.Equal(0, (await admin1.GetJsonAsync<JsonElement>($"/api/v1/repositories/go-hosted/versions/{module}@v1.0.0")).GetProperty("downloads").GetInt64());

        await first.DisposeAsync();

        using var second = Server();
        var admin2 = second.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword);
        Assert.Equal(1, (await admin2.GetJsonAsync<JsonElement>($"/api/v1/repositories/go-hosted/versions/{module}@v1.0.0")).GetProperty("downloads").GetInt64());
    }

    private async Task<long> DownloadsAsync(string repository, string module, string version) =>
        (await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{repository}/versions/{module}@{version}")).GetProperty("downloads").GetInt64();

    private async Task<(long, long)> VersionDownloadsAsync(string repository, string module)
    {
        var versions = (await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{repository}/modules/{module}")).GetProperty("versions").EnumerateArray()
            .ToDictionary(v => v.GetProperty("version").GetString()!, v => v.GetProperty("downloads").GetInt64());
        return (versions["v1.0.0"], versions["v1.1.0"]);
    }

    /// <summary>Counts are written on an interval: asks until they show, for at most 15 s.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> shown)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await shown())
        {
            Assert.True(DateTime.UtcNow < deadline, "the download counts did not reach the API within 15 s");
            await Task.Delay(50);
        }
    }

    /// <summary>A server whose download counts are written every 0.1 s.</summary>
    public sealed class FastFlush : IDisposable
    {
        private readonly ArtifactHubFactory factory = new();

        public FastFlush() => Server = factory.WithWebHostBuilder(b => b.UseSetting("ArtifactHub:Downloads:FlushIntervalSeconds", "0.1"));

        public WebApplicationFactory<Program> Server { get; }

        public void Dispose() => factory.Dispose(); // and the server made from it
    }
}
