using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>What the go command reads from a hosted repository after a publish.</summary>
public sealed class HostedReadTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();
    private readonly HttpClient anonymous = factory.CreateClient();

    [Fact]
    public async Task A_published_version_is_served_with_its_info_mod_zip_and_listed()
    {
        const string module = "example.com/reads/basic";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0", null, ("a.go", "package basic\n"));
        var published = await admin.PublishAsync(module, "v1.0.0", zip);

        var (listStatus, list) = await anonymous.GetTextAsync(GoClient.Url(module, "@v/list"));
        Assert.Equal((200, "v1.0.0\n"), (listStatus, list));

        using var info = await anonymous.GetAsync(GoClient.Url(module, "@v/v1.0.0.info"));
        Assert.Equal("application/json", info.Content.Headers.ContentType?.MediaType);
        var infoJson = JsonDocument.Parse(await info.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("v1.0.0", infoJson.GetProperty("Version").GetString());
        Assert.Equal(published.Time, infoJson.GetProperty("Time").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", published.Time);

        var (_, mod) = await anonymous.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.mod"));
        Assert.Equal($"module {module}\n\ngo 1.19\n", mod);

        using var zipResponse = await anonymous.GetAsync(GoClient.Url(module, "@v/v1.0.0.zip"));
        Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(zip.Length, zipResponse.Content.Headers.ContentLength);
        Assert.Equal(zip, await zipResponse.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", zipResponse.Headers.CacheControl?.ToString());
        Assert.Equal(zip.Length, published.Size);
    }

    [Fact]
    public async Task A_version_asked_for_before_it_was_published_is_served_as_soon_as_it_is()
    {
        // A group asks its hosted member first for every module, so the hosted repository remembers misses briefly;
        // a publish must not wait for that memory to fade.
        const string module = "example.com/reads/early";
        foreach (var file in new[] { "v1.0.0.info", "v1.0.0.mod", "v1.0.0.zip" })
        {
            Assert.Equal(404, (await anonymous.GetTextAsync(GoClient.Url(module, "@v/" + file))).Status);
        }

        var zip = ModuleZipBuilder.Simple(module, "v1.0.0", null, ("a.go", "package early\n"));
        await admin.PublishAsync(module, "v1.0.0", zip);

        Assert.Equal(200, (await anonymous.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.info"))).Status);
        Assert.Equal(200, (await anonymous.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.mod"))).Status);
        Assert.Equal(zip, await anonymous.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip")));
    }

    [Fact]
    public async Task A_zip_without_go_mod_gets_a_synthesized_mod_file()
    {
        const string module = "example.com/reads/nogomod";
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0", "", ("a.go", "package nogomod\n")));

        var (status, mod) = await anonymous.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.mod"));

        Assert.Equal((200, $"module {module}\n"), (status, mod));
    }

    [Fact]
    public async Task Head_answers_the_headers_of_get_without_a_body()
    {
        const string module = "example.com/reads/head";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");
        await admin.PublishAsync(module, "v1.0.0", zip);

        using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, GoClient.Url(module, "@v/v1.0.0.zip")));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(zip.Length, head.Content.Headers.ContentLength);
        Assert.NotNull(head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_client_that_has_the_bytes_gets_304_for_its_etag()
    {
        const string module = "example.com/reads/etag";
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        using var first = await anonymous.GetAsync(GoClient.Url(module, "@v/v1.0.0.mod"));
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, GoClient.Url(module, "@v/v1.0.0.mod"));
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, GoClient.Url(module, "@v/v1.0.0.mod"));
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task The_list_changes_its_etag_when_a_version_is_published()
    {
        const string module = "example.com/reads/listetag";
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        using var before = await anonymous.GetAsync(GoClient.Url(module, "@v/list"));
        await admin.PublishAsync(module, "v1.1.0", ModuleZipBuilder.Simple(module, "v1.1.0"));
        using var after = await anonymous.GetAsync(GoClient.Url(module, "@v/list"));

        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal("no-cache", after.Headers.CacheControl?.ToString());
        Assert.Equal("v1.0.0\nv1.1.0\n", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Latest_prefers_a_release_over_a_newer_prerelease_and_the_list_leaves_out_pseudo_versions()
    {
        const string module = "example.com/reads/latest";
        foreach (var v in new[] { "v1.2.0", "v1.10.0-rc.1", "v1.3.0-0.20260101000000-abcdefabcdef", "v1.1.0" })
        {
            await admin.PublishAsync(module, v, ModuleZipBuilder.Simple(module, v));
        }

        var (_, list) = await anonymous.GetTextAsync(GoClient.Url(module, "@v/list"));
        var (_, latest) = await anonymous.GetTextAsync(GoClient.Url(module, "@latest"));

        Assert.Equal("v1.1.0\nv1.2.0\nv1.10.0-rc.1\n", list);
        Assert.Equal("v1.2.0", JsonDocument.Parse(latest).RootElement.GetProperty("Version").GetString());
    }

    [Fact]
    public async Task Latest_falls_back_to_a_prerelease_then_to_a_pseudo_version()
    {
        const string pseudoOnly = "example.com/reads/pseudoonly";
        await admin.PublishAsync(pseudoOnly, "v0.0.0-20260101000000-abcdefabcdef", ModuleZipBuilder.Simple(pseudoOnly, "v0.0.0-20260101000000-abcdefabcdef"));
        var (_, latest) = await anonymous.GetTextAsync(GoClient.Url(pseudoOnly, "@latest"));
        var (listStatus, list) = await anonymous.GetTextAsync(GoClient.Url(pseudoOnly, "@v/list"));

        Assert.Equal("v0.0.0-20260101000000-abcdefabcdef", JsonDocument.Parse(latest).RootElement.GetProperty("Version").GetString());
        Assert.Equal((200, ""), (listStatus, list));
    }

    [Fact]
    public async Task Upper_case_module_paths_are_case_encoded_in_urls()
    {
        const string module = "example.com/Org/Lib";
        var published = await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));

        Assert.Equal(module, published.Module);
        Assert.Equal(200, (await anonymous.GetTextAsync("/repository/go-hosted/example.com/!org/!lib/@v/v1.0.0.info")).Status);
        Assert.Equal(404, (await anonymous.GetTextAsync("/repository/go-hosted/example.com/org/lib/@v/v1.0.0.info")).Status);
    }

    [Theory]
    [InlineData("example.com/reads/missing/@v/list")]
    [InlineData("example.com/reads/missing/@latest")]
    [InlineData("example.com/reads/missing/@v/v1.0.0.info")]
    [InlineData("example.com/reads/missing/@v/v1.0.0.mod")]
    [InlineData("example.com/reads/missing/@v/v1.0.0.zip")]
    [InlineData("example.com/reads/missing/@v/master.info")]
    [InlineData("example.com/reads/missing")]
    public async Task Whatever_is_not_there_is_a_404_so_the_go_command_falls_through_to_the_next_proxy(string path)
    {
        using var response = await anonymous.GetAsync($"/repository/go-hosted/{path}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_repository_is_a_404()
    {
        var (status, body) = await anonymous.GetTextAsync("/repository/no-such-repo/example.com/m/@v/list");

        Assert.Equal(404, status);
        Assert.Contains("no-such-repo", body);
    }

    [Theory]
    [InlineData("example.com/Upper/@v/list", "invalid escaped module path")]
    [InlineData("example.com/!1bad/@v/list", "invalid escaped module path")]
    [InlineData("example.com/trailing!/@v/list", "invalid escaped module path")]
    [InlineData("example.com/m/@v/v1.0.0-!R.info", "invalid escaped version")]
    [InlineData("nodot/m/@v/list", "missing dot")]
    public async Task A_malformed_request_path_is_a_400_that_says_what_is_wrong(string path, string message)
    {
        var (status, body) = await anonymous.GetTextAsync($"/repository/go-hosted/{path}");

        Assert.Equal(400, status);
        Assert.Contains(message, body);
    }
}
