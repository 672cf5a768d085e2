using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArtifactHub.Core.Proxy;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>Upstream credentials (Basic or Bearer): sent to the upstream only, stored protected, never shown.</summary>
public sealed class ProxyCredentialsTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>, IAsyncLifetime
{
    private const string Module = "example.com/creds/lib";
    private readonly HttpClient admin = factory.CreateAdminClient();
    private readonly HttpClient client = factory.CreateClient();
    private StaticUpstream upstream = null!;

    public async Task InitializeAsync()
    {
        upstream = await StaticUpstream.StartAsync();
        foreach (var version in new[] { "v1.0.0", "v1.1.0", "v1.2.0" })
        {
            upstream.Add(Module, version, ModuleZipBuilder.Simple(Module, version));
        }
    }

    public async Task DisposeAsync() => await upstream.DisposeAsync();

    private static string Basic(string username, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));

    private static string NewName() => "cred-" + Guid.NewGuid().ToString("N")[..8];

    private static object ProxyBody(string name, string upstreamUrl, object? authentication) => new
    {
        name,
        format = "go",
        type = "proxy",
        proxy = new { upstream = upstreamUrl, connectTimeoutSeconds = 2, readTimeoutSeconds = 2, negativeCacheMinutes = 0, authentication },
    };

    private static async Task<string> CreateAsync(HttpClient admin, string upstreamUrl, object? authentication)
    {
        var name = NewName();
        using var response = await admin.PostAsJsonAsync("/api/v1/repositories", ProxyBody(name, upstreamUrl, authentication));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return name;
    }

    private Task<(int Status, string Body)> InfoAsync(string repo, string version) => client.GetTextAsync(GoClient.Url(Module, $"@v/{version}.info", repo));

    [Fact]
    public async Task A_proxy_with_basic_credentials_fetches_from_an_upstream_that_requires_them()
    {
        upstream.RequiredAuthorization = Basic("alice", "wonderland-pw");
        var with = await CreateAsync(admin, upstream.BaseUrl, new { type = "basic", username = "alice", password = "wonderland-pw" });
        var without = await CreateAsync(admin, upstream.BaseUrl, null);

        Assert.Equal(200, (await InfoAsync(with, "v1.0.0")).Status);
        var (status, body) = await InfoAsync(without, "v1.0.0");
        Assert.Equal(502, status);
        Assert.Contains("answered 401", body);
    }

    [Fact]
    public async Task A_proxy_with_a_bearer_token_fetches_from_an_upstream_that_requires_it()
    {
        upstream.RequiredAuthorization = "Bearer tok-7f3a9c";
        var with = await CreateAsync(admin, upstream.BaseUrl, new { type = "bearer", token = "tok-7f3a9c" });
        var wrong = await CreateAsync(admin, upstream.BaseUrl, new { type = "bearer", token = "tok-other" });

        Assert.Equal(200, (await InfoAsync(with, "v1.0.0")).Status);
        Assert.Equal(502, (await InfoAsync(wrong, "v1.0.0")).Status);
    }

    [Fact]
    public async Task The_password_and_token_appear_in_no_answer_no_database_column_and_no_log()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var token = "tok-" + Guid.NewGuid().ToString("N");
        using var server = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddFilter<InMemoryLoggerProvider>(null, LogLevel.Trace)));
        var admin = server.CreateClient();
        admin.DefaultRequestHeaders.Authorization = factory.CreateAdminClient().DefaultRequestHeaders.Authorization;
        upstream.RequiredAuthorization = Basic("bob", password);
        var answers = new List<string>();

        var basicName = NewName();
        var bearerName = NewName();
        foreach (var (name, authentication) in new (string, object)[]
        {
            (basicName, new { type = "basic", username = "bob", password }),
            (bearerName, new { type = "bearer", token }),
        })
        {
            using var created = await admin.PostAsJsonAsync("/api/v1/repositories", ProxyBody(name, upstream.BaseUrl, authentication));
            answers.Add(await created.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        Assert.Equal(200, (await server.CreateClient().GetTextAsync(GoClient.Url(Module, "@v/v1.0.0.info", basicName))).Status);
        using var changed = await admin.PutAsJsonAsync($"/api/v1/repositories/{basicName}", new { proxy = new { upstream = upstream.BaseUrl, metadataMaxAgeMinutes = 1 } });
        answers.Add(await changed.Content.ReadAsStringAsync());
        answers.Add(await admin.GetStringAsync($"/api/v1/repositories/{basicName}"));
        answers.Add(await admin.GetStringAsync($"/api/v1/repositories/{bearerName}"));
        answers.Add(await admin.GetStringAsync("/api/v1/repositories"));
        var stored = await WithDbAsync(server, db => db.Repositories.Where(r => r.Name == basicName || r.Name == bearerName).Select(r => r.Settings).ToListAsync());

        var shown = JsonDocument.Parse(answers[^2]).RootElement.GetProperty("proxy").GetProperty("authentication");
        Assert.Equal("""{"type":"bearer"}""", shown.GetRawText());
        Assert.Equal("bob", JsonDocument.Parse(answers[^3]).RootElement.GetProperty("proxy").GetProperty("authentication").GetProperty("username").GetString());
        var protectedForms = stored.Select(s => JsonDocument.Parse(s).RootElement.GetProperty("proxy").GetProperty("authentication").GetProperty("protectedSecret").GetString()!).ToList();
        var logs = string.Join("\n", factory.Logs.Entries);
        foreach (var secret in new[] { password, token, Basic("bob", password)["Basic ".Length..] })
        {
            Assert.All(answers, answer => Assert.DoesNotContain(secret, answer));
            Assert.All(stored, column => Assert.DoesNotContain(secret, column));
            Assert.DoesNotContain(secret, logs);
        }

        Assert.All(protectedForms, p => Assert.All(answers, answer => Assert.DoesNotContain(p, answer)));
        Assert.DoesNotContain("protectedSecret", string.Join("", answers));
        Assert.Contains(factory.Logs.Entries, e => e.Contains(basicName)); // the capture did see this repository's doings
    }

    [Fact]
    public async Task Stored_credentials_still_work_after_a_restart_because_the_keys_are_kept()
    {
        upstream.RequiredAuthorization = Basic("carol", "restart-pw");
        var repo = await CreateAsync(admin, upstream.BaseUrl, new { type = "basic", username = "carol", password = "restart-pw" });

        // A new host over the same data folder and database, with no keys in memory (where the key ring is kept, the
        // data folder or the database, is the server's business).
        using var restarted = factory.WithWebHostBuilder(_ => { });

        Assert.Equal(200, (await restarted.CreateClient().GetTextAsync(GoClient.Url(Module, "@v/v1.0.0.info", repo))).Status);
    }

    [Fact]
    public async Task A_change_without_authentication_keeps_the_credentials_and_type_none_removes_them()
    {
        upstream.RequiredAuthorization = "Bearer keep-me";
        var repo = await CreateAsync(admin, upstream.BaseUrl, new { type = "bearer", token = "keep-me" });

        using var kept = await admin.PutAsJsonAsync($"/api/v1/repositories/{repo}", new { proxy = new { upstream = upstream.BaseUrl, readTimeoutSeconds = 3 } });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("bearer", (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proxy").GetProperty("authentication").GetProperty("type").GetString());
        Assert.Equal(200, (await InfoAsync(repo, "v1.1.0")).Status);

        using var removed = await admin.PutAsJsonAsync($"/api/v1/repositories/{repo}", new { proxy = new { upstream = upstream.BaseUrl, authentication = new { type = "none" } } });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.False((await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proxy").TryGetProperty("authentication", out _));
        var (status, body) = await InfoAsync(repo, "v1.2.0");
        Assert.Equal(502, status);
        Assert.Contains("401", body);
        Assert.Null(upstream.Authorizations.Last());
    }

    [Fact]
    public async Task Stored_credentials_do_not_follow_the_upstream_to_another_origin_unless_said_so()
    {
        await using var other = await StaticUpstream.StartAsync();
        var repo = await CreateAsync(admin, upstream.BaseUrl, new { type = "bearer", token = "for-the-first-only" });

        using var moved = await admin.PutAsJsonAsync($"/api/v1/repositories/{repo}", new { proxy = new { upstream = other.BaseUrl } });
        using var movedWithNone = await admin.PutAsJsonAsync($"/api/v1/repositories/{repo}", new { proxy = new { upstream = other.BaseUrl, authentication = new { type = "none" } } });

        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.True((await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("proxy.authentication", out _));
        Assert.Equal(HttpStatusCode.OK, movedWithNone.StatusCode);
    }

    [Fact]
    public async Task Credentials_go_to_the_upstreams_origin_only_never_to_a_checksum_database_elsewhere()
    {
        await using var sumdb = await StaticUpstream.StartAsync();
        var secrets = factory.Services.GetRequiredService<ISecretProtector>();
        var upstreamClient = factory.Services.GetRequiredService<UpstreamClient>();
        var settings = new ProxySettings
        {
            Upstream = upstream.BaseUrl,
            Authentication = new UpstreamAuthentication { Type = UpstreamAuthentication.Bearer, ProtectedSecret = secrets.Protect("only-upstream") },
        };

        using (await upstreamClient.GetAsync(settings, sumdb.BaseUrl, "lookup/example.com/creds/lib@v1.0.0", CancellationToken.None))
        using (await upstreamClient.GetAsync(settings, upstream.BaseUrl + "sumdb/sum.golang.org", "latest", CancellationToken.None))
        {
        }

        Assert.Equal([null], sumdb.Authorizations);
        Assert.Equal(["Bearer only-upstream"], upstream.Authorizations);
    }

    [Theory]
    [InlineData("https://proxy.example.com", "https://proxy.example.com/sumdb/sum.golang.org/latest", true)]
    [InlineData("https://proxy.example.com/", "https://PROXY.example.com:443/x", true)]
    [InlineData("https://proxy.example.com", "http://proxy.example.com/x", false)]
    [InlineData("https://proxy.example.com", "https://proxy.example.com:8443/x", false)]
    [InlineData("https://proxy.example.com", "https://sum.golang.org/latest", false)]
    [InlineData("https://proxy.example.com", "https://proxy.example.com.evil.test/x", false)]
    public void The_origin_rule_compares_scheme_host_and_port(string upstreamUrl, string requestUrl, bool same) =>
        Assert.Equal(same, UpstreamAuthorization.SameOrigin(new Uri(upstreamUrl), new Uri(requestUrl)));

    [Fact]
    public async Task Credentials_that_cannot_be_read_any_more_are_a_502_saying_to_set_them_again()
    {
        upstream.RequiredAuthorization = "Bearer lost";
        var repo = await CreateAsync(admin, upstream.BaseUrl, new { type = "bearer", token = "lost" });
        await factory.WithDbAsync(async db =>
        {
            var row = await db.Repositories.SingleAsync(r => r.Name == repo);
            var settings = RepositorySettings.Read(row);
            row.Settings = (settings with { Proxy = settings.Proxy! with { Authentication = settings.Proxy.Authentication! with { ProtectedSecret = "CfDJ8-from-another-key-ring" } } }).ToJson();
            return await db.SaveChangesAsync();
        });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IRepositoryDirectory>().Evict(repo);
        }

        var (status, body) = await InfoAsync(repo, "v1.0.0");

        Assert.Equal(502, status);
        Assert.Contains("cannot be read (data-protection keys changed?); set them again", body);
        Assert.Equal(0, upstream.TotalHits);
    }

    [Theory]
    [InlineData("""{"type":"digest","username":"u","password":"p"}""", "Proxy.Authentication.Type")]
    [InlineData("""{"type":"basic","username":"u"}""", "Proxy.Authentication.Password")]
    [InlineData("""{"type":"basic","password":"p"}""", "Proxy.Authentication.Username")]
    [InlineData("""{"type":"basic","username":"a:b","password":"p"}""", "Proxy.Authentication.Username")]
    [InlineData("""{"type":"bearer"}""", "Proxy.Authentication.Token")]
    [InlineData("""{"type":"bearer","token":"two words"}""", "Proxy.Authentication.Token")]
    [InlineData("""{"type":"bearer","token":"t","protectedSecret":"x"}""", "Proxy.Authentication.ProtectedSecret")]
    public async Task Incomplete_or_unknown_authentication_is_a_400_naming_the_field(string authentication, string field)
    {
        var json = $$"""{"name":"{{NewName()}}","format":"go","type":"proxy","proxy":{"upstream":"https://proxy.example.com","authentication":""" + authentication + "}}";

        using var response = await admin.PostAsync("/api/v1/repositories", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Fields are named as the JSON body spells them (proxy.authentication.type); compared as the UI does, ignoring case.
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<T> WithDbAsync<T>(WebApplicationFactory<Program> server, Func<ArtifactHubDbContext, Task<T>> action)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ArtifactHubDbContext>());
    }
}
