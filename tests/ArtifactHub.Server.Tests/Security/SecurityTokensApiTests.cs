using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.Core.Security;

namespace ArtifactHub.Server.Tests.Security;

public sealed class SecurityTokensApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private const string Tokens = "/api/v1/security/tokens";
    private readonly HttpClient admin = factory.CreateAdminClient();

    private async Task<(string Name, HttpClient Client)> UserAsync(params string[] privileges)
    {
        var role = SecurityTestData.NewName("role");
        var name = SecurityTestData.NewName("user");
        await SecurityTestData.CreateRoleAsync(factory, role, privileges);
        await SecurityTestData.CreateUserAsync(factory, name, "user password 123", role);
        return (name, factory.CreateBasicClient(name, "user password 123"));
    }

    private static async Task<JsonElement> CreatedAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync(Tokens, request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_token_is_shown_once_works_as_bearer_and_as_basic_password_and_lists_show_only_its_prefix()
    {
        var (name, client) = await UserAsync("repository:tok-*:read");

        var created = await CreatedAsync(client, new { name = "laptop" });
        var token = created.GetProperty("token").GetString()!;

        Assert.StartsWith("ah_", token);
        Assert.Equal(token[..ApiTokenSecret.PrefixLength], created.GetProperty("prefix").GetString());
        Assert.Equal(name, created.GetProperty("userName").GetString());
        Assert.False(created.TryGetProperty("expiresAt", out _));
        var me = await factory.CreateBearerClient(token).GetJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(name, me.GetProperty("userName").GetString());
        Assert.Equal(created.GetProperty("id").GetInt64(), me.GetProperty("token").GetProperty("id").GetInt64());
        Assert.Equal("laptop", me.GetProperty("token").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBasicClient(name, token).GetAsync("/api/v1/me")).StatusCode);

        var list = await client.GetStringAsync(Tokens);
        Assert.DoesNotContain(token, list);
        Assert.DoesNotContain(ApiTokenSecret.Hash(token), list);
        Assert.DoesNotContain(token[ApiTokenSecret.PrefixLength..], list);
        var item = JsonDocument.Parse(list).RootElement.EnumerateArray().Single();
        Assert.Equal(created.GetProperty("prefix").GetString(), item.GetProperty("prefix").GetString());
        Assert.False(item.GetProperty("revoked").GetBoolean());
        Assert.True(item.TryGetProperty("lastUsedAt", out _));
    }

    [Fact]
    public async Task A_revoked_token_is_a_401_on_its_next_request()
    {
        var (_, client) = await UserAsync();
        var created = await CreatedAsync(client, new { name = "ci" });
        var bearer = factory.CreateBearerClient(created.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Tokens}/{created.GetProperty("id").GetInt64()}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/me")).StatusCode);
        var item = (await client.GetJsonAsync<JsonElement[]>(Tokens))!.Single();
        Assert.True(item.GetProperty("revoked").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Tokens}/{created.GetProperty("id").GetInt64()}")).StatusCode);
    }

    [Fact]
    public async Task A_scoped_token_can_do_only_what_its_scope_and_its_user_both_allow_and_cannot_manage_tokens()
    {
        var (_, client) = await UserAsync("repository:*:read", "audit.read");
        var created = await CreatedAsync(client, new { name = "narrow", scope = new[] { "repository:go-hosted:read", "repository:*:write" } });
        var narrow = factory.CreateBearerClient(created.GetProperty("token").GetString()!);

        Assert.Equal(["repository:*:write", "repository:go-hosted:read"], created.GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        var me = await narrow.GetJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(["repository:*:write", "repository:go-hosted:read"], me.GetProperty("token").GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await narrow.GetAsync("/repository/go-hosted/example.com/x/@v/list")).StatusCode);
        using (var closed = await admin.PostAsJsonAsync("/api/v1/repositories", new { name = SecurityTestData.NewName("closed"), format = "go", type = "hosted", anonymousRead = false }))
        {
            var closedName = (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString();
            Assert.Equal(HttpStatusCode.Forbidden, (await narrow.GetAsync($"/repository/{closedName}/example.com/x/@v/list")).StatusCode); // the user may, the scope may not
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await narrow.PutAsync("/repository/go-hosted/example.com/x/@v/v1.0.0.zip", new ByteArrayContent([1]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await narrow.GetAsync("/api/v1/audit")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await narrow.PostAsJsonAsync(Tokens, new { name = "escape" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await narrow.GetAsync(Tokens)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await narrow.DeleteAsync($"{Tokens}/{created.GetProperty("id").GetInt64()}")).StatusCode);

        // An unscoped token is the user: it may create tokens.
        var full = factory.CreateBearerClient((await CreatedAsync(client, new { name = "full" })).GetProperty("token").GetString()!);
        await CreatedAsync(full, new { name = "from a token" });
    }

    [Fact]
    public async Task Expiry_is_given_as_a_date_or_a_number_of_days_and_an_expired_token_is_a_401()
    {
        var (_, client) = await UserAsync();
        var inDays = await CreatedAsync(client, new { name = "week", expiresInDays = 7 });
        var at = DateTimeOffset.UtcNow.AddHours(1);
        var atDate = await CreatedAsync(client, new { name = "hour", expiresAt = at });

        Assert.InRange(inDays.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(1));
        Assert.Equal(at.ToUnixTimeSeconds(), atDate.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeSeconds());

        var token = atDate.GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBearerClient(token).GetAsync("/api/v1/me")).StatusCode);
        await SecurityTestData.ChangeTokenAsync(factory, token, t => t.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBearerClient(token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData("""{"expiresInDays":3}""", "name")]
    [InlineData("""{"name":"x","expiresInDays":0}""", "expiresInDays")]
    [InlineData("""{"name":"x","expiresInDays":7,"expiresAt":"2099-01-01T00:00:00Z"}""", "expiresAt")]
    [InlineData("""{"name":"x","expiresAt":"2001-01-01T00:00:00Z"}""", "expiresAt")]
    [InlineData("""{"name":"x","scope":["repository:a:steal"]}""", "scope[0]")]
    [InlineData("""{"name":"x","userName":"bad name"}""", "userName")]
    public async Task Bad_requests_are_validation_problems(string json, string field)
    {
        using var response = await admin.PostAsync(Tokens, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject(), p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Tokens_for_a_service_account_are_made_by_a_security_manager_and_not_by_anyone_else()
    {
        var robot = SecurityTestData.NewName("robot");
        var role = SecurityTestData.NewName("ci");
        await SecurityTestData.CreateRoleAsync(factory, role, "repository:go-hosted:write", "repository:go-hosted:read");
        await SecurityTestData.CreateUserAsync(factory, robot, null, role);
        var (human, client) = await UserAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(Tokens, new { name = "steal", userName = robot })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Tokens}?userName={robot}")).StatusCode);

        var created = await CreatedAsync(admin, new { name = "pipeline", userName = robot, expiresInDays = 30 });
        Assert.Equal(robot, created.GetProperty("userName").GetString());
        var me = await factory.CreateBearerClient(created.GetProperty("token").GetString()!).GetJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(robot, me.GetProperty("userName").GetString());
        Assert.Single((await admin.GetJsonAsync<JsonElement[]>($"{Tokens}?userName={robot}"))!);

        using var forHuman = await admin.PostAsJsonAsync(Tokens, new { name = "impersonate", userName = human });
        Assert.Equal(HttpStatusCode.BadRequest, forHuman.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync(Tokens, new { name = "x", userName = "nobody-at-all" })).StatusCode);

        // Another user's token is "not found" to those who may not manage it; a security manager revokes it.
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"{Tokens}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Tokens}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{Tokens}/987654321")).StatusCode);
    }

    [Fact]
    public async Task Creating_and_revoking_are_audited_without_the_token_text()
    {
        var (name, client) = await UserAsync();
        var created = await CreatedAsync(client, new { name = "audited", scope = new[] { "repository:go-hosted:read" } });
        var token = created.GetProperty("token").GetString()!;
        (await client.DeleteAsync($"{Tokens}/{created.GetProperty("id").GetInt64()}")).EnsureSuccessStatusCode();

        var entries = await SecurityTestData.AuditEntriesAsync(factory);

        var create = entries.Single(e => e.Action == "token.create" && e.Actor == name);
        Assert.Equal(name, create.Target);
        Assert.Contains("audited", create.Details);
        Assert.Contains("repository:go-hosted:read", create.Details);
        Assert.Contains(entries, e => e.Action == "token.revoke" && e.Actor == name && e.Target == name && e.Succeeded);
        var all = JsonSerializer.Serialize(entries);
        Assert.DoesNotContain(token, all);
        Assert.DoesNotContain(token[ApiTokenSecret.PrefixLength..], all);
        Assert.DoesNotContain(ApiTokenSecret.Hash(token), all);
    }

    [Fact]
    public async Task A_security_manager_lists_every_users_tokens_newest_first_and_no_one_else_may()
    {
        var (alice, aliceClient) = await UserAsync();
        var (bob, bobClient) = await UserAsync();
        var older = await CreatedAsync(aliceClient, new { name = "alice laptop" });
        var newer = await CreatedAsync(bobClient, new { name = "bob desktop" });

        using var response = await admin.GetAsync($"{Tokens}?allUsers=true");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = JsonDocument.Parse(body).RootElement.EnumerateArray()
            .Select(t => (Id: t.GetProperty("id").GetInt64(), User: t.GetProperty("userName").GetString(), Name: t.GetProperty("name").GetString())).ToList();
        Assert.Equal(listed.OrderByDescending(t => t.Id), listed);
        var (olderAt, newerAt) = (listed.IndexOf((older.GetProperty("id").GetInt64(), alice, "alice laptop")), listed.IndexOf((newer.GetProperty("id").GetInt64(), bob, "bob desktop")));
        Assert.True(newerAt >= 0 && olderAt > newerAt, body);
        Assert.DoesNotContain(older.GetProperty("token").GetString()!, body);

        Assert.Equal(HttpStatusCode.Forbidden, (await aliceClient.GetAsync($"{Tokens}?allUsers=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"{Tokens}?allUsers=true")).StatusCode);
        var own = (await aliceClient.GetJsonAsync<JsonElement[]>(Tokens))!;
        Assert.Equal([alice], own.Select(t => t.GetProperty("userName").GetString()).Distinct());
    }
}
