using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.Core.Security;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>Its own server: the tests count entries.</summary>
public sealed class AuditApiTests : IDisposable
{
    private const string Audit = "/api/v1/audit";
    private readonly ArtifactHubFactory factory = new();

    public void Dispose() => factory.Dispose();

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Each_audited_action_leaves_an_entry_with_actor_target_outcome_and_no_secret()
    {
        var admin = factory.CreateAdminClient();
        const string password = "a password nobody may log";
        const string module = "example.com/audit/lib";

        (await admin.PostAsJsonAsync("/api/v1/repositories", new { name = "audited", format = "go", type = "hosted" })).EnsureSuccessStatusCode();
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"), "audited");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.UploadAsync(module, "v1.1.0", [1, 2, 3], "audited")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(GoClient.Url(module, "@v/v1.0.0", "audited"))).StatusCode);
        (await admin.PutAsJsonAsync("/api/v1/repositories/audited", new { anonymousRead = false, hosted = new { writePolicy = "read-only" } })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/security/roles", new { name = "auditors", privileges = new[] { "audit.read" } })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/v1/security/roles/auditors", new { description = "They read the log" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/security/users", new { userName = "frank", password, roles = new[] { "auditors" } })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/v1/security/users/frank", new { password = password + "!", email = "frank@example.com" })).EnsureSuccessStatusCode();
        using var tokenResponse = await admin.PostAsJsonAsync("/api/v1/security/tokens", new { name = "audit-token" });
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement;
        (await admin.DeleteAsync($"/api/v1/security/tokens/{token.GetProperty("id").GetInt64()}")).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/v1/security/settings", new { anonymousAccess = true })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync("/api/v1/security/users/frank")).EnsureSuccessStatusCode();
        (await admin.DeleteAsync("/api/v1/security/roles/auditors")).EnsureSuccessStatusCode();
        (await admin.DeleteAsync("/api/v1/repositories/audited")).EnsureSuccessStatusCode();

        var entries = Items(await admin.GetJsonAsync<JsonElement>($"{Audit}?pageSize=200"))
            .Select(e => (Action: e.GetProperty("action").GetString()!, Target: e.GetProperty("target").GetString(), Succeeded: e.GetProperty("succeeded").GetBoolean(),
                Actor: e.GetProperty("actor").GetString(), Details: e.TryGetProperty("details", out var d) ? d.GetString() : null))
            .ToList();

        Assert.All(entries.Where(e => !e.Action.StartsWith("auth.", StringComparison.Ordinal)), e => Assert.Equal("admin", e.Actor));
        Assert.Contains(entries, e => e is { Action: "repository.create", Target: "audited", Succeeded: true });
        Assert.Contains(entries, e => e.Action == "repository.update" && e.Target == "audited" && e.Details!.Contains("anonymousRead: true -> false") && e.Details.Contains("settings changed"));
        Assert.Contains(entries, e => e is { Action: "content.upload", Target: "audited/example.com/audit/lib/@v/v1.0.0.zip", Succeeded: true, Details: "answered 201" });
        Assert.Contains(entries, e => e is { Action: "content.upload", Target: "audited/example.com/audit/lib/@v/v1.1.0.zip", Succeeded: false, Details: "answered 400" });
        Assert.Contains(entries, e => e is { Action: "content.delete", Target: "audited/example.com/audit/lib/@v/v1.0.0", Succeeded: true });
        Assert.Contains(entries, e => e is { Action: "role.create", Target: "auditors" } && e.Details == "privileges: audit.read");
        Assert.Contains(entries, e => e is { Action: "role.update", Target: "auditors", Details: "description changed" });
        Assert.Contains(entries, e => e is { Action: "user.create", Target: "frank", Details: "password set; roles: auditors" });
        Assert.Contains(entries, e => e is { Action: "user.update", Target: "frank", Details: "email changed; password changed" });
        Assert.Contains(entries, e => e is { Action: "token.create", Target: "admin" });
        Assert.Contains(entries, e => e is { Action: "token.revoke", Target: "admin" });
        Assert.Contains(entries, e => e is { Action: "settings.update", Details: "anonymousAccess: true -> true" });
        Assert.Contains(entries, e => e is { Action: "user.delete", Target: "frank" });
        Assert.Contains(entries, e => e is { Action: "role.delete", Target: "auditors" });
        Assert.Contains(entries, e => e is { Action: "repository.delete", Target: "audited" });

        var everything = JsonSerializer.Serialize(await SecurityTestData.AuditEntriesAsync(factory));
        Assert.DoesNotContain(password, everything);
        Assert.DoesNotContain(ArtifactHubFactory.AdminPassword, everything);
        Assert.DoesNotContain(token.GetProperty("token").GetString()!, everything);
        Assert.DoesNotContain(ApiTokenSecret.Hash(token.GetProperty("token").GetString()!), everything);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Contains(password, StringComparison.Ordinal) || e.Contains(token.GetProperty("token").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Entries_come_newest_first_and_filter_by_actor_action_prefix_target_prefix_and_time()
    {
        var admin = factory.CreateAdminClient();
        await SecurityTestData.CreateRoleAsync(factory, "publishers", "repository:go-hosted:write", "repository:go-hosted:read");
        await SecurityTestData.CreateUserAsync(factory, "grace", "grace's password", "publishers");
        var grace = factory.CreateBasicClient("grace", "grace's password");
        var before = DateTimeOffset.UtcNow;
        await grace.PublishAsync("example.com/audit/a", "v1.0.0", ModuleZipBuilder.Simple("example.com/audit/a", "v1.0.0"));
        await Task.Delay(20);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await grace.PublishAsync("example.com/audit/b", "v1.0.0", ModuleZipBuilder.Simple("example.com/audit/b", "v1.0.0"));
        (await admin.PostAsJsonAsync("/api/v1/repositories", new { name = "filtered", format = "go", type = "hosted" })).EnsureSuccessStatusCode();

        string[] Targets(JsonElement page) => Items(page).Select(e => e.GetProperty("target").GetString()!).ToArray();

        var byGrace = await admin.GetJsonAsync<JsonElement>($"{Audit}?actor=GRACE");
        Assert.Equal(["go-hosted/example.com/audit/b/@v/v1.0.0.zip", "go-hosted/example.com/audit/a/@v/v1.0.0.zip"], Targets(byGrace));
        Assert.All(Items(byGrace), e => Assert.Equal("grace", e.GetProperty("actor").GetString()));
        Assert.Equal(["filtered"], Targets(await admin.GetJsonAsync<JsonElement>($"{Audit}?action=repository.")));
        Assert.Equal(["go-hosted/example.com/audit/a/@v/v1.0.0.zip"], Targets(await admin.GetJsonAsync<JsonElement>($"{Audit}?target=go-hosted/example.com/audit/a")));
        var from = Uri.EscapeDataString(before.ToString("O"));
        var to = Uri.EscapeDataString(between.ToString("O"));
        Assert.Equal(["go-hosted/example.com/audit/a/@v/v1.0.0.zip"], Targets(await admin.GetJsonAsync<JsonElement>($"{Audit}?action=content.&from={from}&to={to}")));
        Assert.Equal(["go-hosted/example.com/audit/b/@v/v1.0.0.zip"], Targets(await admin.GetJsonAsync<JsonElement>($"{Audit}?actor=grace&page=1&pageSize=1")));
        Assert.Equal(2, (await admin.GetJsonAsync<JsonElement>($"{Audit}?actor=grace&page=1&pageSize=1")).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{Audit}?pageSize=1000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{Audit}?from={to}&to={from}")).StatusCode);
    }

    [Fact]
    public async Task Reading_the_log_needs_audit_read()
    {
        await SecurityTestData.CreateRoleAsync(factory, "log-readers", "audit.read");
        await SecurityTestData.CreateUserAsync(factory, "heidi", "heidi's password", "log-readers");
        await SecurityTestData.CreateUserAsync(factory, "ivan", "ivan's password!");

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBasicClient("heidi", "heidi's password").GetAsync(Audit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateBasicClient("ivan", "ivan's password!").GetAsync(Audit)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(Audit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateBasicClient("heidi", "heidi's password").GetAsync("/api/v1/security/users")).StatusCode);
    }
}
