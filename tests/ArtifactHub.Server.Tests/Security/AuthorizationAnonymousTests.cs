using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>Callers without credentials: the server-wide switch, each repository's switch, and the anonymous role.</summary>
public sealed class AuthorizationAnonymousTests : IAsyncLifetime, IDisposable
{
    private const string Module = "example.com/anon/lib";

    // Its own server: these tests flip the server-wide switch.
    private readonly ArtifactHubFactory factory = new();
    private HttpClient admin = null!;
    private HttpClient anonymous = null!;

    public async Task InitializeAsync()
    {
        admin = factory.CreateAdminClient();
        anonymous = factory.CreateClient();
        await admin.PublishAsync(Module, "v1.0.0", ModuleZipBuilder.Simple(Module, "v1.0.0"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => factory.Dispose();

    private Task<HttpResponseMessage> SetAnonymousAccessAsync(bool on) => admin.PutAsJsonAsync("/api/v1/security/settings", new { anonymousAccess = on });

    private async Task CreateAsync(string name, bool? anonymousRead = null)
    {
        object body = anonymousRead is null ? new { name, format = "go", type = "hosted" } : new { name, format = "go", type = "hosted", anonymousRead };
        using var response = await admin.PostAsJsonAsync("/api/v1/repositories", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task With_the_defaults_anyone_reads_content_and_browses_but_may_not_write()
    {
        Assert.Equal(200, (await anonymous.GetTextAsync(GoClient.Url(Module, "@v/list"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/repositories/go-hosted/modules")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/repositories/go-hosted")).StatusCode);

        using var upload = await anonymous.UploadAsync("example.com/anon/other", "v1.0.0", ModuleZipBuilder.Simple("example.com/anon/other", "v1.0.0"));
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        Assert.Contains("realm=\"ArtifactHub\"", upload.Headers.WwwAuthenticate.First().Parameter);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync(GoClient.Url(Module, "@v/v1.0.0"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Turning_anonymous_access_off_makes_every_read_without_credentials_a_401_and_on_again_restores_it()
    {
        Assert.Equal(200, (await anonymous.GetTextAsync(GoClient.Url(Module, "@v/list"))).Status);

        Assert.Equal(HttpStatusCode.OK, (await SetAnonymousAccessAsync(false)).StatusCode);
        try
        {
            using var read = await anonymous.GetAsync(GoClient.Url(Module, "@v/list"));
            Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
            Assert.Equal("Basic", read.Headers.WwwAuthenticate.First().Scheme);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/repositories")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/repositories/go-hosted/modules")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
            Assert.Equal(200, (await admin.GetTextAsync(GoClient.Url(Module, "@v/list"))).Status);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await SetAnonymousAccessAsync(true)).StatusCode);
        }

        Assert.Equal(200, (await anonymous.GetTextAsync(GoClient.Url(Module, "@v/list"))).Status);
    }

    [Fact]
    public async Task A_repository_closed_to_anonymous_reads_is_a_401_for_it_only_and_left_out_of_the_anonymous_list()
    {
        await CreateAsync("closed", anonymousRead: false);
        await admin.PublishAsync(Module, "v1.0.0", ModuleZipBuilder.Simple(Module, "v1.0.0"), "closed");

        Assert.Equal(401, (await anonymous.GetTextAsync(GoClient.Url(Module, "@v/list", "closed"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/repositories/closed")).StatusCode);
        Assert.Equal(200, (await anonymous.GetTextAsync(GoClient.Url(Module, "@v/list"))).Status);
        Assert.Equal(200, (await admin.GetTextAsync(GoClient.Url(Module, "@v/list", "closed"))).Status);

        var seen = (await anonymous.GetJsonAsync<JsonElement[]>("/api/v1/repositories"))!.Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Contains("go-hosted", seen);
        Assert.DoesNotContain("closed", seen);
        var closed = await admin.GetJsonAsync<JsonElement>("/api/v1/repositories/closed");
        Assert.False(closed.GetProperty("anonymousRead").GetBoolean());

        // Opened again through the API: at once on this node.
        using var opened = await admin.PutAsJsonAsync("/api/v1/repositories/closed", new { anonymousRead = true });
        Assert.True(JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("anonymousRead").GetBoolean());
        Assert.Equal(200, (await anonymous.GetTextAsync(GoClient.Url(Module, "@v/list", "closed"))).Status);
    }

    [Fact]
    public async Task The_anonymous_role_decides_what_anonymous_callers_may_read()
    {
        await CreateAsync("public-docs");
        await CreateAsync("internal-docs");
        using var narrowed = await admin.PutAsJsonAsync("/api/v1/security/roles/anonymous", new { privileges = new[] { "repository:public-*:read" } });
        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
        try
        {
            Assert.Equal(404, (await anonymous.GetTextAsync(GoClient.Url(Module, "@v/list", "public-docs"))).Status);
            Assert.Equal(401, (await anonymous.GetTextAsync(GoClient.Url(Module, "@v/list", "internal-docs"))).Status);
            var seen = (await anonymous.GetJsonAsync<JsonElement[]>("/api/v1/repositories"))!.Select(r => r.GetProperty("name").GetString()).ToList();
            Assert.Equal(["public-docs"], seen);
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/v1/security/roles/anonymous", new { privileges = new[] { "repository:*:read" } })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_url_that_matches_no_endpoint_is_a_404_without_credentials_too()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/no/such/thing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/no/such/thing")).StatusCode);
    }

    [Fact]
    public async Task With_anonymous_access_off_a_caller_without_read_gets_the_same_answer_whether_the_repository_exists_or_not()
    {
        // With it on, any caller reads what anonymous callers may, and a missing name answers 404 (see the README).
        Assert.Equal(HttpStatusCode.OK, (await SetAnonymousAccessAsync(false)).StatusCode);
        try
        {
            await SameAnswerWhetherTheRepositoryExistsOrNotAsync();
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await SetAnonymousAccessAsync(true)).StatusCode);
        }
    }

    private async Task SameAnswerWhetherTheRepositoryExistsOrNotAsync()
    {
        await CreateAsync("secret", anonymousRead: false);
        await SecurityTestData.CreateRoleAsync(factory, "nothing-role");
        await SecurityTestData.CreateUserAsync(factory, "nobody-special", "nobody password 1", "nothing-role");
        var nobody = factory.CreateBasicClient("nobody-special", "nobody password 1");

        foreach (var path in new[] { "/repository/{0}/example.com/x/@v/list", "/api/v1/repositories/{0}", "/api/v1/repositories/{0}/modules" })
        {
            using var existing = await nobody.GetAsync(string.Format(path, "secret"));
            using var missing = await nobody.GetAsync(string.Format(path, "no-such-repo"));
            Assert.Equal(HttpStatusCode.Forbidden, existing.StatusCode);
            Assert.Equal(existing.StatusCode, missing.StatusCode);
            Assert.Equal(await existing.Content.ReadAsStringAsync(), await missing.Content.ReadAsStringAsync());

            using var anonymousExisting = await anonymous.GetAsync(string.Format(path, "secret"));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymousExisting.StatusCode);
        }
    }
}
