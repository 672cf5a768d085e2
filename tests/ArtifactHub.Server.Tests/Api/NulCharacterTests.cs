using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace ArtifactHub.Server.Tests.Api;

/// <summary>A NUL character, which PostgreSQL cannot hold in text, is refused with a 400 wherever it could reach a query.</summary>
public sealed class NulCharacterTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    [Fact]
    public async Task A_nul_in_a_query_string_is_a_400()
    {
        using var response = await admin.GetAsync("/api/v1/repositories/go-hosted/modules?search=a%00b");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NUL", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_nul_in_any_string_of_a_json_body_is_a_400_and_nothing_is_made()
    {
        using var response = await admin.PostAsync("/api/v1/security/roles", new StringContent("""{"name":"nul-role","description":"a\u0000b","privileges":[]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/security/roles/nul-role")).StatusCode);
    }

    [Fact]
    public async Task A_string_without_one_is_read_as_before()
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/security/roles", new { name = "plain-role", description = "tab\there", privileges = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
