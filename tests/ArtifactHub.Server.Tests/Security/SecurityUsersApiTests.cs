using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ArtifactHub.Server.Tests.Security;

public sealed class SecurityUsersApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private const string Users = "/api/v1/security/users";
    private readonly HttpClient admin = factory.CreateAdminClient();

    private async Task<string> RoleAsync(params string[] privileges)
    {
        var name = SecurityTestData.NewName("role");
        (await admin.PostAsJsonAsync("/api/v1/security/roles", new { name, privileges })).EnsureSuccessStatusCode();
        return name;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? errorKey = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (errorKey is not null)
        {
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name);
            Assert.Contains(errors, e => string.Equals(e, errorKey, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_created_user_signs_in_with_its_password_and_is_shown_without_any_password_hash()
    {
        var role = await RoleAsync("repository:users-*:read");
        var name = SecurityTestData.NewName("alice");

        using var created = await admin.PostAsJsonAsync(Users, new { userName = name, displayName = "Alice", email = "alice@example.com", password = "alice's long password", roles = new[] { role } });
        var body = await created.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{Users}/{name}", created.Headers.Location?.OriginalString);
        var user = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Alice", user.GetProperty("displayName").GetString());
        Assert.False(user.GetProperty("serviceAccount").GetBoolean());
        Assert.Equal([role], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", body); // the framework's PBKDF2 hash format

        var me = await factory.CreateBasicClient(name, "alice's long password").GetJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(name, me.GetProperty("userName").GetString());
        Assert.Equal(["repository:users-*:read"], me.GetProperty("privileges").EnumerateArray().Select(p => p.GetString()));

        var fetched = await admin.GetStringAsync($"{Users}/{name.ToUpperInvariant()}");
        Assert.DoesNotContain("hash", fetched, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_user_without_a_password_is_a_service_account_that_cannot_sign_in_with_one()
    {
        var name = SecurityTestData.NewName("robot");

        using var created = await admin.PostAsJsonAsync(Users, new { userName = name, roles = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True((await JsonAsync(created)).GetProperty("serviceAccount").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBasicClient(name, "").GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBasicClient(name, "anything at all").GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Users_are_listed_searchable_and_paged()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var n in new[] { "a", "b", "c" })
        {
            (await admin.PostAsJsonAsync(Users, new { userName = $"list-{tag}-{n}", roles = Array.Empty<string>() })).EnsureSuccessStatusCode();
        }

        var page = await admin.GetJsonAsync<JsonElement>($"{Users}?search={tag}&page=2&pageSize=2");

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal([$"list-{tag}-c"], page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
        var all = await admin.GetStringAsync($"{Users}?pageSize=200");
        Assert.Contains("\"admin\"", all);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{Users}?pageSize=0")).StatusCode);
    }

    [Fact]
    public async Task A_change_of_password_roles_and_profile_counts_at_once_and_the_name_cannot_change()
    {
        var reader = await RoleAsync("repository:change-me:read");
        var writer = await RoleAsync("repository:change-me:write");
        var name = SecurityTestData.NewName("bob");
        (await admin.PostAsJsonAsync(Users, new { userName = name, password = "first password!", roles = new[] { reader } })).EnsureSuccessStatusCode();

        using var changed = await admin.PutAsJsonAsync($"{Users}/{name}", new { displayName = "Bob", email = "bob@example.com", password = "second password!", roles = new[] { writer } });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await JsonAsync(changed);
        Assert.Equal("bob@example.com", body.GetProperty("email").GetString());
        Assert.Equal([writer], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBasicClient(name, "first password!").GetAsync("/api/v1/me")).StatusCode);
        var me = await factory.CreateBasicClient(name, "second password!").GetJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(["repository:change-me:write"], me.GetProperty("privileges").EnumerateArray().Select(p => p.GetString()));

        await AssertProblemAsync(await admin.PutAsJsonAsync($"{Users}/{name}", new { userName = "someone-else" }), HttpStatusCode.BadRequest, "userName");
        using var sameName = await admin.PutAsJsonAsync($"{Users}/{name}", new { userName = name.ToUpperInvariant(), email = "" });
        Assert.Equal(HttpStatusCode.OK, sameName.StatusCode);
        Assert.False((await JsonAsync(sameName)).TryGetProperty("email", out _));

        var entry = (await SecurityTestData.AuditEntriesAsync(factory)).Last(e => e.Action == "user.update" && e.Target == name && e.Details!.Contains("roles"));
        Assert.Equal("admin", entry.Actor);
        Assert.Contains($"+{writer}", entry.Details);
        Assert.Contains($"-{reader}", entry.Details);
        Assert.Contains("password changed", entry.Details);
        Assert.DoesNotContain("second password", entry.Details);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_again()
    {
        var name = SecurityTestData.NewName("carol");
        (await admin.PostAsJsonAsync(Users, new { userName = name, password = "carol's password", roles = Array.Empty<string>(), disabled = true })).EnsureSuccessStatusCode();
        var carol = factory.CreateBasicClient(name, "carol's password");

        Assert.Equal(HttpStatusCode.Unauthorized, (await carol.GetAsync("/api/v1/me")).StatusCode);
        (await admin.PutAsJsonAsync($"{Users}/{name}", new { disabled = false })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem_naming_the_field()
    {
        await AssertProblemAsync(await admin.PostAsJsonAsync(Users, new { userName = "no spaces allowed", roles = Array.Empty<string>() }), HttpStatusCode.BadRequest, "userName");
        await AssertProblemAsync(await admin.PostAsJsonAsync(Users, new { userName = "has:colon", roles = Array.Empty<string>() }), HttpStatusCode.BadRequest, "userName");
        await AssertProblemAsync(await admin.PostAsJsonAsync(Users, new { userName = SecurityTestData.NewName(), password = "short", roles = Array.Empty<string>() }), HttpStatusCode.BadRequest, "password");
        await AssertProblemAsync(await admin.PostAsJsonAsync(Users, new { userName = SecurityTestData.NewName(), email = "not an address", roles = Array.Empty<string>() }), HttpStatusCode.BadRequest, "email");
        await AssertProblemAsync(await admin.PostAsJsonAsync(Users, new { userName = SecurityTestData.NewName(), roles = new[] { "no-such-role" } }), HttpStatusCode.BadRequest, "roles");
        await AssertProblemAsync(await admin.PostAsJsonAsync(Users, new { userName = SecurityTestData.NewName(), roles = new[] { "anonymous" } }), HttpStatusCode.BadRequest, "roles");
        await AssertProblemAsync(await admin.PostAsJsonAsync(Users, new { userName = "ADMIN", roles = Array.Empty<string>() }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await admin.PutAsJsonAsync($"{Users}/admin", new { password = "short" }), HttpStatusCode.BadRequest, "password");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Users}/nobody-here")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{Users}/nobody-here")).StatusCode);
    }

    [Fact]
    public async Task The_last_enabled_admin_cannot_lose_the_role_be_disabled_or_be_deleted()
    {
        await AssertProblemAsync(await admin.PutAsJsonAsync($"{Users}/admin", new { roles = Array.Empty<string>() }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await admin.PutAsJsonAsync($"{Users}/admin", new { disabled = true }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await admin.DeleteAsync($"{Users}/admin"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode);

        // With another enabled admin, either may go.
        var second = SecurityTestData.NewName("admin2");
        (await admin.PostAsJsonAsync(Users, new { userName = second, password = "second admin password", roles = new[] { "admin" } })).EnsureSuccessStatusCode();
        var other = factory.CreateBasicClient(second, "second admin password");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(Users)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{Users}/{second}", new { disabled = true })).StatusCode);
        await AssertProblemAsync(await admin.DeleteAsync($"{Users}/admin"), HttpStatusCode.Conflict); // the other one is disabled now
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Users}/{second}")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_user_and_its_tokens_stop_working()
    {
        var name = SecurityTestData.NewName("dave");
        (await admin.PostAsJsonAsync(Users, new { userName = name, password = "dave's password!", roles = Array.Empty<string>() })).EnsureSuccessStatusCode();
        var token = await SecurityTestData.CreateTokenAsync(factory, name);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBearerClient(token).GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Users}/{name}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Users}/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBearerClient(token).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBasicClient(name, "dave's password!").GetAsync("/api/v1/me")).StatusCode);
        Assert.Contains(await SecurityTestData.AuditEntriesAsync(factory), e => e.Action == "user.delete" && e.Target == name && e.Actor == "admin" && e.Succeeded);
    }

    [Fact]
    public async Task Only_security_managers_may_use_the_users_api()
    {
        var role = await RoleAsync("repositories.manage", "audit.read");
        var name = SecurityTestData.NewName("ops");
        (await admin.PostAsJsonAsync(Users, new { userName = name, password = "ops user password", roles = new[] { role } })).EnsureSuccessStatusCode();
        var ops = factory.CreateBasicClient(name, "ops user password");

        Assert.Equal(HttpStatusCode.Forbidden, (await ops.GetAsync(Users)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ops.PutAsJsonAsync($"{Users}/{name}", new { roles = new[] { "admin" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(Users)).StatusCode);
    }
}
