using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>A proxy's checksum databases carry their verifier keys (what bundles and verification on fetch check tree heads with).</summary>
public sealed class ChecksumDatabaseKeyTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    [Fact]
    public async Task Sum_golang_orgs_key_is_filled_in_and_a_company_databases_key_is_kept()
    {
        var company = NoteSigner.Generate("sum.corp.example").Verifier.Key;
        var repo = await admin.CreateProxyAsync("keys", new Dictionary<string, object>
        {
            ["upstream"] = "https://proxy.example",
            ["checksumDatabases"] = new object[] { new { name = "sum.golang.org", url = "https://sum.golang.org" }, new { name = "sum.corp.example", url = "https://sum.corp.example", key = company } },
        });

        var databases = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/repositories/{repo}")).GetProperty("proxy").GetProperty("checksumDatabases");

        Assert.Equal(["sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", company], databases.EnumerateArray().Select(d => d.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task A_proxy_saved_again_with_the_key_it_answered_is_accepted()
    {
        var repo = await admin.CreateProxyAsync("resave", new Dictionary<string, object> { ["upstream"] = "https://proxy.example" });
        var proxy = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/repositories/{repo}")).GetProperty("proxy");

        // What the UI does: send back the settings it was shown, sum.golang.org's key included.
        using var saved = await admin.PutAsJsonAsync($"/api/v1/repositories/{repo}", new { proxy });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(ArtifactHub.Core.Repositories.ChecksumDatabase.GoDefaultKey, NoteVerifier.Parse(ArtifactHub.Core.Repositories.ChecksumDatabase.GoDefaultKey).Key);
    }

    [Theory]
    [InlineData("sum.corp.example+12345678+notbase64!", "base64")]
    [InlineData("no-plus-signs", "name+hash+base64")]
    [InlineData("OTHER", "not sum.corp.example's")]
    public async Task A_key_that_is_not_one_or_not_the_databases_own_is_a_400_naming_it(string key, string expected)
    {
        if (key == "OTHER")
        {
            key = NoteSigner.Generate("sum.other.example").Verifier.Key;
        }

        using var response = await admin.PostAsJsonAsync("/api/v1/repositories", new
        {
            name = "badkey-" + Guid.NewGuid().ToString("N")[..8],
            format = "go",
            type = "proxy",
            proxy = new { upstream = "https://proxy.example", checksumDatabases = new[] { new { name = "sum.corp.example", url = "https://sum.corp.example", key } } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("proxy.checksumDatabases[0].key", out var messages), errors.ToString());
        Assert.Contains(expected, messages[0].GetString());
    }
}
