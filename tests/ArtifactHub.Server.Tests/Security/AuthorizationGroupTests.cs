using System.Net;
using System.Net.Http.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>A group is read on its own privilege: its members are then read on the group's behalf.</summary>
public sealed class AuthorizationGroupTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    [Fact]
    public async Task Read_on_a_group_alone_gets_a_module_from_its_hosted_member_which_the_caller_cannot_read_directly()
    {
        const string module = "example.com/behalf/lib";
        var hosted = SecurityTestData.NewName("private");
        var group = SecurityTestData.NewName("everything");
        (await admin.PostAsJsonAsync("/api/v1/repositories", new { name = hosted, format = "go", type = "hosted", anonymousRead = false })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/repositories", new { name = group, format = "go", type = "group", anonymousRead = false, group = new { members = new[] { hosted } } })).EnsureSuccessStatusCode();
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");
        await admin.PublishAsync(module, "v1.0.0", zip, hosted);

        var role = SecurityTestData.NewName("group-readers");
        var user = SecurityTestData.NewName("developer");
        await SecurityTestData.CreateRoleAsync(factory, role, $"repository:{group}:read");
        await SecurityTestData.CreateUserAsync(factory, user, "developer password", role);
        var developer = factory.CreateBasicClient(user, "developer password");

        Assert.Equal(zip, await developer.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip", group)));
        Assert.Equal("v1.0.0\n", (await developer.GetTextAsync(GoClient.Url(module, "@v/list", group))).Body);
        Assert.Equal(HttpStatusCode.Forbidden, (await developer.GetAsync(GoClient.Url(module, "@v/v1.0.0.zip", hosted))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(GoClient.Url(module, "@v/v1.0.0.zip", group))).StatusCode);
    }
}
