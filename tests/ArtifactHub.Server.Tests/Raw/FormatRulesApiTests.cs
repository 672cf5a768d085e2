using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ArtifactHub.Server.Tests.Raw;

/// <summary>Each format's own settings rules, the same on create and on change, and the file counts of a raw repository.</summary>
public sealed class FormatRulesApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    [Theory]
    [InlineData("""{"format":"go","type":"hosted","hosted":{"writePolicy":"allow"}}""", "hosted.writePolicy")]
    [InlineData("""{"format":"go","type":"proxy","proxy":{"upstream":"https://proxy.example","metadataPaths":["*.json"]}}""", "proxy.metadataPaths")]
    [InlineData("""{"format":"go","type":"proxy","proxy":{"upstream":"https://proxy.example","verifySidecar":".sha256"}}""", "proxy.verifySidecar")]
    [InlineData("""{"format":"raw","type":"proxy","proxy":{"upstream":"https://dl.example","checksumDatabases":[{"name":"sum.golang.org","url":"https://sum.golang.org"}]}}""", "proxy.checksumDatabases")]
    [InlineData("""{"format":"raw","type":"proxy","proxy":{"upstream":"https://dl.example","verifySidecar":"sha256/../x"}}""", "proxy.verifySidecar")]
    [InlineData("""{"format":"raw","type":"group","group":{"members":["go-hosted"]}}""", "group.members")]
    public async Task Settings_another_format_owns_are_a_400_naming_the_field(string body, string field)
    {
        var name = "rules-" + Guid.NewGuid().ToString("N")[..8];
        var json = "{\"name\":\"" + name + "\"," + body[1..];

        using var response = await admin.PostAsync("/api/v1/repositories", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task A_change_is_checked_by_the_same_rules_as_a_new_repository()
    {
        using var response = await admin.PutAsync("/api/v1/repositories/go-hosted", new StringContent("""{"hosted":{"writePolicy":"allow"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("hosted.writePolicy", out _));
        Assert.Equal("allow-once", (await admin.GetFromJsonAsync<JsonElement>("/api/v1/repositories/go-hosted")).GetProperty("hosted").GetProperty("writePolicy").GetString());
    }

    [Fact]
    public async Task A_raw_repository_counts_its_files_and_bytes_and_has_no_checksum_databases()
    {
        var hosted = await admin.CreateRawAsync("counted", "hosted");
        await admin.PutFileAsync(hosted, "a/1.bin", new byte[100]);
        await admin.PutFileAsync(hosted, "a/2.bin", new byte[50]);
        var proxy = await admin.CreateRawAsync("nodb", "proxy", new { upstream = "https://dl.example/" });

        var counted = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/repositories/{hosted}");
        var proxied = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/repositories/{proxy}");

        Assert.Equal((2, 150L, 0), (counted.GetProperty("fileCount").GetInt32(), counted.GetProperty("storageBytes").GetInt64(), counted.GetProperty("moduleCount").GetInt32()));
        Assert.False(proxied.GetProperty("proxy").TryGetProperty("checksumDatabases", out _));
    }
}
