using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>Browsing a group (answered from its members, in order) and a proxy (only what it has stored; never upstream).</summary>
public sealed class GroupAndProxyBrowseApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>, IAsyncLifetime
{
    private readonly HttpClient admin = factory.CreateAdminClient();
    private StaticUpstream upstream = null!;

    public async Task InitializeAsync() => upstream = await StaticUpstream.StartAsync();

    public async Task DisposeAsync() => await upstream.DisposeAsync();

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private Task<string> HostedAsync() => admin.CreateRepositoryAsync(new { name = NewName("bh"), format = "go", type = "hosted" });

    private Task<string> GroupAsync(params string[] members) => admin.CreateRepositoryAsync(new { name = NewName("bg"), format = "go", type = "group", group = new { members } });

    private static byte[] Zip(string module, string version, string readme) => ModuleZipBuilder.Simple(module, version, null, ("README.md", readme));

    [Fact]
    public async Task A_group_lists_the_union_of_its_members_modules_and_answers_each_from_the_first_member_that_holds_it()
    {
        const string shared = "example.com/gbrowse/shared";
        var (first, second) = (await HostedAsync(), await HostedAsync());
        var fromFirst = await admin.PublishAsync(shared, "v1.0.0", Zip(shared, "v1.0.0", "from the first member\n"), first);
        await admin.PublishAsync(shared, "v1.1.0", Zip(shared, "v1.1.0", "from the first member\n"), first);
        await admin.PublishAsync("example.com/gbrowse/only-first", "v1.0.0", ModuleZipBuilder.Simple("example.com/gbrowse/only-first", "v1.0.0"), first);
        await admin.PublishAsync(shared, "v1.0.0", Zip(shared, "v1.0.0", "from the second member\n"), second);
        var onlySecondVersion = await admin.PublishAsync(shared, "v1.2.0", Zip(shared, "v1.2.0", "from the second member\n"), second);
        await admin.PublishAsync("example.com/gbrowse/only-second", "v0.1.0", ModuleZipBuilder.Simple("example.com/gbrowse/only-second", "v0.1.0"), second);
        var group = await GroupAsync(first, second);
        var outer = await GroupAsync(group); // a group of groups answers the same

        foreach (var browsed in new[] { group, outer })
        {
            var modules = await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{browsed}/modules");
            var items = modules.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(["example.com/gbrowse/only-first", "example.com/gbrowse/only-second", shared], items.Select(i => i.GetProperty("module").GetString()));
            Assert.Equal(3, modules.GetProperty("total").GetInt32());
            var sharedSummary = items.Single(i => i.GetProperty("module").GetString() == shared);
            Assert.Equal((2, "v1.1.0"), (sharedSummary.GetProperty("versions").GetInt32(), sharedSummary.GetProperty("latest").GetString()));

            var detail = await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{browsed}/modules/{shared}");
            var versions = detail.GetProperty("versions").EnumerateArray().ToList();
            Assert.Equal(["v1.1.0", "v1.0.0"], versions.Select(v => v.GetProperty("version").GetString()));
            Assert.Equal(fromFirst.ZipHash, versions[1].GetProperty("zipHash").GetString());

            var version = await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{browsed}/versions/{shared}@v1.0.0");
            Assert.Equal(fromFirst.ZipHash, version.GetProperty("zipHash").GetString());
            Assert.Equal("from the first member\n", (await admin.GetTextAsync($"/api/v1/repositories/{browsed}/files/{shared}@v1.0.0/README.md")).Body);

            // A version only the second member holds is answered by it.
            var later = await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{browsed}/versions/{shared}@v1.2.0");
            Assert.Equal(onlySecondVersion.ZipHash, later.GetProperty("zipHash").GetString());
            Assert.Equal("from the second member\n", (await admin.GetTextAsync($"/api/v1/repositories/{browsed}/files/{shared}@v1.2.0/README.md")).Body);
            Assert.Equal(404, (await admin.GetTextAsync($"/api/v1/repositories/{browsed}/versions/{shared}@v1.3.0")).Status);
            Assert.Equal(404, (await admin.GetTextAsync($"/api/v1/repositories/{browsed}/modules/example.com/gbrowse/none")).Status);
        }
    }

    [Fact]
    public async Task A_group_with_no_members_holding_anything_is_browsed_as_empty()
    {
        var group = await GroupAsync(await HostedAsync());

        var modules = await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{group}/modules");

        Assert.Equal(0, modules.GetProperty("total").GetInt32());
        Assert.Equal(404, (await admin.GetTextAsync($"/api/v1/repositories/{group}/versions/example.com/x@v1.0.0")).Status);
    }

    [Fact]
    public async Task A_proxy_shows_what_it_has_stored_and_never_fetches_for_browsing()
    {
        const string module = "example.com/pbrowse/Lib";
        upstream.Add(module, "v1.0.0", Zip(module, "v1.0.0", "proxied readme\n"));
        var proxy = await admin.CreateProxyAsync("pb", new Dictionary<string, object> { ["upstream"] = upstream.BaseUrl });
        var client = factory.CreateClient();
        var version = $"/api/v1/repositories/{proxy}/versions/{module}@v1.0.0";
        var readme = $"/api/v1/repositories/{proxy}/files/{module}@v1.0.0/README.md";

        Assert.Equal(404, (await admin.GetTextAsync(version)).Status); // nothing cached yet, and browsing does not fetch
        await client.GetStringAsync(GoClient.Url(module, "@v/v1.0.0.info", proxy));

        var infoOnly = await admin.GetJsonAsync<JsonElement>(version);
        Assert.False(infoOnly.GetProperty("cached").GetBoolean());
        Assert.Equal(JsonValueKind.Null, infoOnly.GetProperty("files").ValueKind);
        Assert.Equal(JsonValueKind.Null, infoOnly.GetProperty("readme").ValueKind);
        Assert.Equal(JsonValueKind.Null, infoOnly.GetProperty("goMod").ValueKind);
        var notStored = await admin.GetTextAsync(readme);
        Assert.Equal(404, notStored.Status);
        Assert.Contains("Zip not stored", notStored.Body);

        await client.GetStringAsync(GoClient.Url(module, "@v/v1.0.0.mod", proxy));
        Assert.Equal($"module {module}\n\ngo 1.19\n", (await admin.GetJsonAsync<JsonElement>(version)).GetProperty("goMod").GetString());
        Assert.Equal(0, upstream.Hits("example.com/pbrowse/!lib/@v/v1.0.0.zip"));

        await client.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip", proxy));
        var cached = await admin.GetJsonAsync<JsonElement>(version);
        Assert.True(cached.GetProperty("cached").GetBoolean());
        Assert.Equal("README.md", cached.GetProperty("readme").GetString());
        Assert.Equal("proxied readme\n", (await admin.GetTextAsync(readme)).Body);
        Assert.Equal(1, upstream.Hits("example.com/pbrowse/!lib/@v/v1.0.0.zip"));
    }
}
