using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>
/// A Go group over a hosted repository and a proxy of a real static GOPROXY tree. What every group does, whatever its
/// format, is in the group conformance suite (Conformance/).
/// </summary>
public sealed class GroupRepositoryTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>, IAsyncLifetime
{
    private readonly HttpClient admin = factory.CreateAdminClient();
    private readonly HttpClient client = factory.CreateClient();
    private StaticUpstream upstream = null!;

    public async Task InitializeAsync() => upstream = await StaticUpstream.StartAsync();

    public async Task DisposeAsync() => await upstream.DisposeAsync();

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private Task<string> CreateAsync(object repository) => admin.CreateRepositoryAsync(repository);

    private async Task<(string Hosted, string Proxy)> MembersAsync()
    {
        var hosted = await CreateAsync(new { name = NewName("h"), format = "go", type = "hosted" });
        var proxy = await CreateAsync(new
        {
            name = NewName("p"),
            format = "go",
            type = "proxy",
            proxy = new { upstream = upstream.BaseUrl, metadataMaxAgeMinutes = 0, negativeCacheMinutes = 0, connectTimeoutSeconds = 2, readTimeoutSeconds = 2 },
        });
        return (hosted, proxy);
    }

    private Task<string> GroupAsync(params string[] members) => CreateAsync(new { name = NewName("g"), format = "go", type = "group", group = new { members } });

    [Fact]
    public async Task The_list_is_the_union_of_the_members_lists_in_semver_order_and_latest_spans_them()
    {
        const string module = "example.com/grp/merged";
        var (hosted, proxy) = await MembersAsync();
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"), hosted);
        await admin.PublishAsync(module, "v1.2.0", ModuleZipBuilder.Simple(module, "v1.2.0"), hosted);
        upstream.Add(module, "v1.1.0", ModuleZipBuilder.Simple(module, "v1.1.0"));
        upstream.Add(module, "v1.10.0", ModuleZipBuilder.Simple(module, "v1.10.0"));
        File.WriteAllText(Path.Combine(upstream.Root, module, "@latest"), """{"Version":"v1.10.0","Time":"2025-01-02T03:04:05Z"}""");
        var group = await GroupAsync(hosted, proxy);

        Assert.Equal("v1.0.0\nv1.1.0\nv1.2.0\nv1.10.0\n", (await client.GetTextAsync(GoClient.Url(module, "@v/list", group))).Body);
        var latest = JsonDocument.Parse((await client.GetTextAsync(GoClient.Url(module, "@latest", group))).Body).RootElement;
        Assert.Equal("v1.10.0", latest.GetProperty("Version").GetString());
    }

    [Fact]
    public async Task Files_come_from_the_first_member_that_has_them()
    {
        const string module = "example.com/grp/first";
        var (hosted, proxy) = await MembersAsync();
        var fromHosted = ModuleZipBuilder.Simple(module, "v1.0.0", null, ("who.go", "package first // hosted\n"));
        var fromProxy = ModuleZipBuilder.Simple(module, "v1.0.0", null, ("who.go", "package first // proxy\n"));
        await admin.PublishAsync(module, "v1.0.0", fromHosted, hosted);
        upstream.Add(module, "v1.0.0", fromProxy);
        upstream.Add(module, "v2.0.0+incompatible", ModuleZipBuilder.Simple(module, "v2.0.0+incompatible", ""));

        var hostedFirst = await GroupAsync(hosted, proxy);
        var proxyFirst = await GroupAsync(proxy, hosted);

        Assert.Equal(fromHosted, await client.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip", hostedFirst)));
        Assert.Equal(fromProxy, await client.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip", proxyFirst)));
        Assert.Equal(200, (await client.GetTextAsync(GoClient.Url(module, "@v/v2.0.0+incompatible.info", hostedFirst))).Status);
    }

    [Fact]
    public async Task A_failing_member_is_skipped_and_named_in_a_warning()
    {
        const string module = "example.com/grp/failing";
        var (hosted, proxy) = await MembersAsync();
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");
        await admin.PublishAsync(module, "v1.0.0", zip, hosted);
        var group = await GroupAsync(proxy, hosted);
        upstream.Mode = StaticUpstream.Behaviour.Fail;

        using var list = await client.GetAsync(GoClient.Url(module, "@v/list", group));
        using var file = await client.GetAsync(GoClient.Url(module, "@v/v1.0.0.zip", group));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("v1.0.0\n", await list.Content.ReadAsStringAsync());
        Assert.Contains(proxy, list.Headers.Warning.ToString());
        Assert.Equal(zip, await file.Content.ReadAsByteArrayAsync());
        Assert.Contains(proxy, file.Headers.Warning.ToString());
    }

    [Fact]
    public async Task Nothing_anywhere_is_a_404_but_nothing_found_while_a_member_failed_is_a_502()
    {
        var (hosted, proxy) = await MembersAsync();
        var group = await GroupAsync(hosted, proxy);

        Assert.Equal(404, (await client.GetTextAsync(GoClient.Url("example.com/grp/nowhere", "@v/list", group))).Status);
        Assert.Equal(404, (await client.GetTextAsync(GoClient.Url("example.com/grp/nowhere", "@v/v1.0.0.zip", group))).Status);

        upstream.Mode = StaticUpstream.Behaviour.Fail;
        var (status, body) = await client.GetTextAsync(GoClient.Url("example.com/grp/nowhere2", "@v/v1.0.0.zip", group));
        Assert.Equal(502, status);
        Assert.Contains(proxy, body);
    }

    [Fact]
    public async Task A_group_can_hold_a_group()
    {
        const string module = "example.com/grp/nested";
        var (hosted, _) = await MembersAsync();
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"), hosted);
        var inner = await GroupAsync(hosted);
        var outer = await GroupAsync(inner);

        Assert.Equal("v1.0.0\n", (await client.GetTextAsync(GoClient.Url(module, "@v/list", outer))).Body);
        Assert.Equal(200, (await client.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.mod", outer))).Status);
    }

    [Fact]
    public async Task Cycles_unknown_members_and_other_formats_are_refused_when_the_group_is_saved()
    {
        var (hosted, _) = await MembersAsync();
        var a = await GroupAsync(hosted);
        var b = await GroupAsync(a);

        using var cycle = await admin.PutAsJsonAsync($"/api/v1/repositories/{a}", new { group = new { members = new[] { hosted, b } } });
        using var self = await admin.PutAsJsonAsync($"/api/v1/repositories/{a}", new { group = new { members = new[] { a } } });
        using var unknown = await admin.PostAsJsonAsync("/api/v1/repositories", new { name = NewName("g"), format = "go", type = "group", group = new { members = new[] { "no-such-repo" } } });
        using var empty = await admin.PostAsJsonAsync("/api/v1/repositories", new { name = NewName("g"), format = "go", type = "group", group = new { members = Array.Empty<string>() } });

        foreach (var (response, message) in new[] { (cycle, "cycle"), (self, "cycle"), (unknown, "does not exist"), (empty, "at least one member") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }

        var unchanged = await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{a}");
        Assert.Equal([hosted], unchanged.GetProperty("group").GetProperty("members").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task First_start_creates_go_proxy_and_go_group_over_go_hosted_and_go_proxy()
    {
        var proxy = await admin.GetJsonAsync<JsonElement>("/api/v1/repositories/go-proxy");
        var group = await admin.GetJsonAsync<JsonElement>("/api/v1/repositories/go-group");

        Assert.Equal("https://proxy.golang.org", proxy.GetProperty("proxy").GetProperty("upstream").GetString());
        Assert.Equal(["go-hosted", "go-proxy"], group.GetProperty("group").GetProperty("members").EnumerateArray().Select(m => m.GetString()));
    }
}
