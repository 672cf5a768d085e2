using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Security;

public sealed class SecurityRolesApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private const string Roles = "/api/v1/security/roles";
    private readonly HttpClient admin = factory.CreateAdminClient();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static string[] Privileges(JsonElement role) => role.GetProperty("privileges").EnumerateArray().Select(p => p.GetString()!).ToArray();

    private static async Task AssertStatusAsync(HttpResponseMessage response, HttpStatusCode status, string? errorKey = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        if (errorKey is not null)
        {
            Assert.Contains(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject(), p => string.Equals(p.Name, errorKey, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task The_built_in_roles_are_listed_admin_with_everything_and_anonymous_with_reads()
    {
        var roles = (await admin.GetJsonAsync<JsonElement[]>(Roles))!.ToDictionary(r => r.GetProperty("name").GetString()!);

        Assert.True(roles["admin"].GetProperty("builtIn").GetBoolean());
        Assert.Equal(["audit.read", "repositories.manage", "repository:*:admin", "security.manage"], Privileges(roles["admin"]));
        Assert.True(roles["anonymous"].GetProperty("builtIn").GetBoolean());
        Assert.Equal(["repository:*:read"], Privileges(roles["anonymous"]));
    }

    [Fact]
    public async Task A_role_is_created_changed_renamed_and_deleted_and_its_holders_feel_each_change_at_once()
    {
        var name = SecurityTestData.NewName("devs");
        using var created = await admin.PostAsJsonAsync(Roles, new { name, description = "Developers", privileges = new[] { "repository:dev-*:read", "repository:dev-*:read" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["repository:dev-*:read"], Privileges(await JsonAsync(created)));

        var user = SecurityTestData.NewName("dev");
        (await admin.PostAsJsonAsync("/api/v1/security/users", new { userName = user, password = "developer password", roles = new[] { name } })).EnsureSuccessStatusCode();
        var developer = factory.CreateBasicClient(user, "developer password");
        (await admin.PostAsJsonAsync("/api/v1/repositories", new { name = "dev-libs", format = "go", type = "hosted", anonymousRead = false })).EnsureSuccessStatusCode();
        var upload = ModuleZipBuilder.Simple("example.com/roles/lib", "v1.0.0");
        Assert.Equal(HttpStatusCode.Forbidden, (await developer.UploadAsync("example.com/roles/lib", "v1.0.0", upload, "dev-libs")).StatusCode);

        using var changed = await admin.PutAsJsonAsync($"{Roles}/{name}", new { privileges = new[] { "repository:dev-*:write", "repository:dev-*:read", "audit.read" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await developer.UploadAsync("example.com/roles/lib", "v1.0.0", upload, "dev-libs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await developer.GetAsync("/api/v1/audit")).StatusCode);

        var renamed = name + "-x";
        using var rename = await admin.PutAsJsonAsync($"{Roles}/{name}", new { name = renamed, description = "" });
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Roles}/{name}")).StatusCode);
        Assert.False((await admin.GetJsonAsync<JsonElement>($"{Roles}/{renamed}")).TryGetProperty("description", out _));
        Assert.Equal([renamed], (await admin.GetJsonAsync<JsonElement>($"/api/v1/security/users/{user}")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Roles}/{renamed}")).StatusCode);
        Assert.Empty((await admin.GetJsonAsync<JsonElement>($"/api/v1/security/users/{user}")).GetProperty("roles").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await developer.GetAsync("/api/v1/audit")).StatusCode);

        var audit = (await SecurityTestData.AuditEntriesAsync(factory)).Where(e => e.Action.StartsWith("role.", StringComparison.Ordinal)).ToList();
        Assert.Contains(audit, e => e.Action == "role.create" && e.Target == name);
        Assert.Contains(audit, e => e.Action == "role.update" && e.Target == name && e.Details!.Contains("+audit.read") && e.Details.Contains("+repository:dev-*:write"));
        Assert.Contains(audit, e => e.Action == "role.update" && e.Target == renamed && e.Details!.Contains($"renamed from {name}"));
        Assert.Contains(audit, e => e.Action == "role.delete" && e.Target == renamed && e.Details == "held by 1 user(s)");
    }

    [Theory]
    [InlineData("repository:team-a:publish")]
    [InlineData("repository:Team-A:read")]
    [InlineData("repositories.manage.all")]
    [InlineData("repository::read")]
    [InlineData("")]
    public async Task A_privilege_that_does_not_parse_is_refused_with_its_syntax(string privilege)
    {
        using var response = await admin.PostAsJsonAsync(Roles, new { name = SecurityTestData.NewName("bad"), privileges = new[] { privilege } });

        await AssertStatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("repository:{name or glob}:{read|write|delete|admin}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_names_missing_privileges_and_duplicates_are_refused()
    {
        await AssertStatusAsync(await admin.PostAsJsonAsync(Roles, new { name = "two words", privileges = Array.Empty<string>() }), HttpStatusCode.BadRequest, "name");
        await AssertStatusAsync(await admin.PostAsJsonAsync(Roles, new { name = SecurityTestData.NewName("r") }), HttpStatusCode.BadRequest, "privileges");
        await AssertStatusAsync(await admin.PostAsJsonAsync(Roles, new { name = "ADMIN", privileges = Array.Empty<string>() }), HttpStatusCode.Conflict);
        await AssertStatusAsync(await admin.PutAsJsonAsync($"{Roles}/anonymous", new { privileges = new[] { "nonsense" } }), HttpStatusCode.BadRequest, "privileges[0]");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"{Roles}/no-such-role", new { description = "x" })).StatusCode);
    }

    [Fact]
    public async Task Built_in_roles_keep_their_names_admin_keeps_every_privilege_and_anonymous_may_only_read()
    {
        await AssertStatusAsync(await admin.DeleteAsync($"{Roles}/admin"), HttpStatusCode.Conflict);
        await AssertStatusAsync(await admin.DeleteAsync($"{Roles}/anonymous"), HttpStatusCode.Conflict);
        await AssertStatusAsync(await admin.PutAsJsonAsync($"{Roles}/admin", new { name = "root" }), HttpStatusCode.BadRequest, "name");
        await AssertStatusAsync(await admin.PutAsJsonAsync($"{Roles}/anonymous", new { name = "guests" }), HttpStatusCode.BadRequest, "name");
        await AssertStatusAsync(await admin.PutAsJsonAsync($"{Roles}/admin", new { privileges = new[] { "repository:*:read" } }), HttpStatusCode.BadRequest, "privileges");
        await AssertStatusAsync(await admin.PutAsJsonAsync($"{Roles}/anonymous", new { privileges = new[] { "repository:*:write" } }), HttpStatusCode.BadRequest, "privileges");
        await AssertStatusAsync(await admin.PutAsJsonAsync($"{Roles}/anonymous", new { privileges = new[] { "audit.read" } }), HttpStatusCode.BadRequest, "privileges");

        // What can change: descriptions, and admin's privileges sent back as they are.
        await AssertStatusAsync(await admin.PutAsJsonAsync($"{Roles}/admin", new { description = "Everything, really" }), HttpStatusCode.OK);
        await AssertStatusAsync(
            await admin.PutAsJsonAsync($"{Roles}/admin", new { name = "admin", privileges = new[] { "security.manage", "repository:*:admin", "audit.read", "repositories.manage" } }),
            HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/security/users")).StatusCode);
    }
}
