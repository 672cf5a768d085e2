using System.Net;
using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Go;

public sealed class BrowseApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    [Fact]
    public async Task Modules_are_listed_with_their_latest_version_searchable_and_paged()
    {
        foreach (var (module, version) in new[] { ("example.com/browse/alpha", "v1.0.0"), ("example.com/browse/alpha", "v1.2.0"), ("example.com/browse/beta", "v0.1.0"), ("example.com/other/gamma", "v2.0.0+incompatible") })
        {
            await admin.PublishAsync(module, version, ModuleZipBuilder.Simple(module, version, version.EndsWith("+incompatible") ? "" : null));
        }

        var page = await admin.GetJsonAsync<JsonElement>("/api/v1/repositories/go-hosted/modules?search=browse&page=1&pageSize=1");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var first = page.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("example.com/browse/alpha", first.GetProperty("module").GetString());
        Assert.Equal(2, first.GetProperty("versions").GetInt32());
        Assert.Equal("v1.2.0", first.GetProperty("latest").GetString());

        var second = await admin.GetJsonAsync<JsonElement>("/api/v1/repositories/go-hosted/modules?search=BROWSE&page=2&pageSize=1");
        Assert.Equal("example.com/browse/beta", second.GetProperty("items")[0].GetProperty("module").GetString());
    }

    [Fact]
    public async Task A_module_shows_its_versions_newest_first_with_time_size_and_hashes()
    {
        const string module = "example.com/browse/Detail";
        var v1 = await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        var v2 = await admin.PublishAsync(module, "v1.10.0", ModuleZipBuilder.Simple(module, "v1.10.0", null, ("x.go", "package detail\n")));

        var detail = await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/go-hosted/modules/{module}");

        var versions = detail.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["v1.10.0", "v1.0.0"], versions.Select(v => v.GetProperty("version").GetString()));
        Assert.Equal(v2.ZipHash, versions[0].GetProperty("zipHash").GetString());
        Assert.Equal(v1.ModHash, versions[1].GetProperty("modHash").GetString());
        Assert.Equal(v2.Size, versions[0].GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Browsing_an_unknown_module_or_repository_is_a_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/repositories/go-hosted/modules/example.com/nothing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/repositories/nowhere/modules")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/repositories/go-hosted/modules?pageSize=100000")).StatusCode);
    }
}
