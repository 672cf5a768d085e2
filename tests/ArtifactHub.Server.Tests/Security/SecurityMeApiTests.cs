using System.Net;
using System.Text.Json;
using ArtifactHub.Core.Security;

namespace ArtifactHub.Server.Tests.Security;

public sealed class SecurityMeApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    [Fact]
    public async Task The_admin_sees_its_role_and_every_privilege_and_no_token()
    {
        var me = await factory.CreateAdminClient().GetJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal("admin", me.GetProperty("userName").GetString());
        Assert.Equal(["admin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(Privilege.All.Order(StringComparer.Ordinal), me.GetProperty("privileges").EnumerateArray().Select(p => p.GetString()));
        Assert.False(me.TryGetProperty("token", out _));
    }

    [Fact]
    public async Task A_caller_with_a_token_sees_its_profile_and_the_tokens_scope()
    {
        var role = SecurityTestData.NewName("me-role");
        var name = SecurityTestData.NewName("erin");
        await SecurityTestData.CreateRoleAsync(factory, role, "repository:me-*:write");
        await SecurityTestData.CreateUserAsync(factory, name, "erin's password!", role);
        var token = await SecurityTestData.CreateTokenAsync(factory, name, ["repository:me-docs:write"]);

        var me = await factory.CreateBearerClient(token).GetJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(name, me.GetProperty("userName").GetString());
        Assert.Equal(name + " (test)", me.GetProperty("displayName").GetString());
        Assert.Equal([role], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["repository:me-*:write"], me.GetProperty("privileges").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["repository:me-docs:write"], me.GetProperty("token").GetProperty("scope").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Without_credentials_it_is_a_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/me")).StatusCode);
    }
}
