using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>Its own server for each test: these flip the server-wide anonymous switch.</summary>
public sealed class SecuritySettingsApiTests : IDisposable
{
    private const string Settings = "/api/v1/security/settings";
    private readonly ArtifactHubFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Anonymous_access_is_on_at_first_and_a_change_is_kept_audited_and_felt_at_once()
    {
        var admin = factory.CreateAdminClient();
        Assert.True((await admin.GetJsonAsync<JsonElement>(Settings)).GetProperty("anonymousAccess").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/v1/repositories")).StatusCode);

        using var off = await admin.PutAsJsonAsync(Settings, new { anonymousAccess = false });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await admin.GetJsonAsync<JsonElement>(Settings)).GetProperty("anonymousAccess").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/repositories")).StatusCode);
        var entry = (await SecurityTestData.AuditEntriesAsync(factory)).Single(e => e.Action == "settings.update");
        Assert.Equal("admin", entry.Actor);
        Assert.Equal("anonymousAccess: true -> false", entry.Details);
    }

    [Fact]
    public async Task A_body_without_the_switch_is_a_validation_problem_and_only_security_managers_may_change_it()
    {
        var admin = factory.CreateAdminClient();
        using var empty = await admin.PutAsJsonAsync(Settings, new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);

        await SecurityTestData.CreateRoleAsync(factory, "repo-managers", "repositories.manage");
        await SecurityTestData.CreateUserAsync(factory, "manager", "manager password", "repo-managers");
        var manager = factory.CreateBasicClient("manager", "manager password");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(Settings)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync(Settings, new { anonymousAccess = false })).StatusCode);
        Assert.True((await admin.GetJsonAsync<JsonElement>(Settings)).GetProperty("anonymousAccess").GetBoolean());
    }
}
